package dev.flags.core.experiment;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The analysis of one metric.
 *
 * @param metric the metric
 * @param comparisons each treatment against the control, in the design's order
 * @param sampleRatio the sample-ratio-mismatch check of this metric's users
 * @param sampleSize the users needed and the progress towards them
 * @param status what to do, by the design's method
 * @param winner the winning variant when the status is {@link Status#VARIANT_WINS}, else null
 * @param explanation the status in plain words
 */
public record MetricResult(Metric metric, List<Comparison> comparisons, SampleRatioCheck sampleRatio,
		SampleSize sampleSize, Status status, @Nullable String winner, String explanation) {

	/**
	 * Creates a result, copying the comparisons.
	 * @param metric the metric
	 * @param comparisons the comparisons
	 * @param sampleRatio the sample ratio check
	 * @param sampleSize the sample size
	 * @param status the status
	 * @param winner the winner
	 * @param explanation the explanation
	 */
	public MetricResult {
		comparisons = List.copyOf(comparisons);
	}

	/**
	 * The comparison of one treatment with the control.
	 * @param variant the treatment's name
	 * @return the comparison
	 * @throws IllegalArgumentException if the variant is not a treatment of the design
	 */
	public Comparison comparison(String variant) {
		for (Comparison comparison : this.comparisons) {
			if (comparison.variant().equals(variant)) {
				return comparison;
			}
		}
		throw new IllegalArgumentException("metric '" + this.metric.name() + "' has no comparison for variant '"
				+ variant + "'; the treatments are " + this.comparisons.stream().map(Comparison::variant).toList());
	}

	/**
	 * Whether the results can be trusted: the users are split as the weights say.
	 * @return false on a sample ratio mismatch
	 */
	public boolean isTrustworthy() {
		return !this.sampleRatio.mismatch();
	}

}
