/**
 * Benchmarks of the Spring integration.
 */
@NullMarked
package dev.flags.benchmarks.spring;

import org.jspecify.annotations.NullMarked;
