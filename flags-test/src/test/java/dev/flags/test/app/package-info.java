/**
 * A small application gated by flags, for the Spring tests.
 */
@NullMarked
package dev.flags.test.app;

import org.jspecify.annotations.NullMarked;
