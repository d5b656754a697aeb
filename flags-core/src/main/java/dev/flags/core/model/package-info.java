/**
 * The definitions model of the evaluation spec (flags, rules, conditions, segments, variants), the evaluation context and the evaluation result.
 */
@NullMarked
package dev.flags.core.model;

import org.jspecify.annotations.NullMarked;
