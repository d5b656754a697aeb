package dev.flags.core.experiment;

import org.jspecify.annotations.Nullable;

/**
 * The inference about one treatment's difference from the control, by one
 * {@link AnalysisMethod}. For the sequential method the p-value is always valid and the intervals
 * are this look's confidence sequence.
 *
 * @param pValue the two-sided p-value of "no difference"; for the sequential method the smallest
 * seen so far; 1 when there is not enough data yet
 * @param adjustedPValue the p-value after Holm's correction over the metric's treatments; equal
 * to {@code pValue} with a single treatment
 * @param absolute the interval for the absolute lift (treatment mean − control mean) at level
 * {@code 1 − alpha}, or null when there is not enough data yet
 * @param relative the interval for the relative lift (treatment mean / control mean − 1) by the
 * delta method, or null when there is not enough data yet or the control mean is 0
 */
public record Inference(double pValue, double adjustedPValue, @Nullable Interval absolute,
		@Nullable Interval relative) {

	/**
	 * Whether the difference is significant after Holm's correction.
	 * @param alpha the false-positive rate
	 * @return whether the adjusted p-value is below alpha
	 */
	public boolean isSignificant(double alpha) {
		return this.adjustedPValue < alpha;
	}

}
