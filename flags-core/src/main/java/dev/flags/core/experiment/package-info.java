/**
 * Statistics for A/B experiments: from mergeable per-variant sufficient statistics to lifts,
 * fixed-horizon and always-valid sequential inference, a sample-ratio-mismatch check, Holm's
 * correction, the sample size needed, and a plain-words status. Entry point:
 * {@link dev.flags.core.experiment.ExperimentAnalysis}. The formulas are written down in
 * {@code docs/experiments-statistics.md}.
 */
@NullMarked
package dev.flags.core.experiment;

import org.jspecify.annotations.NullMarked;
