/**
 * JUnit Jupiter support for testing code gated by flags: {@link dev.flags.test.WithFlag} forces
 * a flag for one test, {@link dev.flags.test.FlagStatesTest} runs a test once per flag state,
 * {@link dev.flags.test.FlagControl} flips a flag mid-test, and {@link dev.flags.test.TestFlags}
 * is a {@link dev.flags.spring.FlagService} over in-memory definitions for tests without Spring.
 */
@NullMarked
package dev.flags.test;

import org.jspecify.annotations.NullMarked;
