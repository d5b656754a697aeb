/**
 * Deterministic evaluation: bucketing hash, compiled snapshots and the evaluator.
 */
@NullMarked
package dev.flags.core.eval;

import org.jspecify.annotations.NullMarked;
