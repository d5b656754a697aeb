/**
 * Benchmarks of the Redis store: how fast a change reaches another instance, and what the store
 * costs evaluation (nothing: decisions read the in-process snapshot).
 */
@NullMarked
package dev.flags.benchmarks.redis;

import org.jspecify.annotations.NullMarked;
