package dev.flags.core.experiment;

import org.jspecify.annotations.Nullable;

/**
 * One treatment compared with the control on one metric.
 *
 * @param variant the treatment's name
 * @param treatment the treatment's users, mean and variance
 * @param control the control's users, mean and variance
 * @param absoluteLift treatment mean − control mean
 * @param relativeLift treatment mean / control mean − 1, or null when the control mean is 0
 * @param fixedHorizon the fixed-horizon test: two-proportion z-test or Welch's t-test
 * @param sequential the always-valid test: mSPRT p-value and confidence sequence
 * @param verdict what the comparison shows by the design's method
 */
public record Comparison(String variant, VariantSummary treatment, VariantSummary control, double absoluteLift,
		@Nullable Double relativeLift, Inference fixedHorizon, Inference sequential, Verdict verdict) {

	/**
	 * The inference by a method.
	 * @param method the method
	 * @return {@link #sequential()} or {@link #fixedHorizon()}
	 */
	public Inference inference(AnalysisMethod method) {
		return (method == AnalysisMethod.SEQUENTIAL) ? this.sequential : this.fixedHorizon;
	}

}
