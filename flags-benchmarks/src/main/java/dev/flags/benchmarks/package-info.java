/**
 * JMH benchmarks of flag evaluation, and the report that compares them with the hashing floor.
 */
@NullMarked
package dev.flags.benchmarks;

import org.jspecify.annotations.NullMarked;
