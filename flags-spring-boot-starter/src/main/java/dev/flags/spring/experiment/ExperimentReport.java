package dev.flags.spring.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flags.core.experiment.AnalysisMethod;
import dev.flags.core.experiment.Comparison;
import dev.flags.core.experiment.ExperimentDesign;
import dev.flags.core.experiment.Goal;
import dev.flags.core.experiment.MetricKind;
import dev.flags.core.experiment.MetricResult;
import dev.flags.core.experiment.SampleRatioCheck;
import dev.flags.core.experiment.SampleSize;
import dev.flags.core.experiment.Status;
import dev.flags.core.experiment.VariantSummary;
import org.jspecify.annotations.Nullable;

/**
 * One look at an experiment: who was exposed, and the analysis of each metric. Plain values, for
 * the actuator endpoint and for code that acts on a result.
 *
 * @param key the experiment's flag key
 * @param description the flag's description
 * @param enabled whether the flag is on
 * @param control the control variant
 * @param weights the variants' weights, from the flag
 * @param users the users exposed, by variant
 * @param totalUsers the users exposed to any variant
 * @param usersOutsideDesign users exposed to variants the flag no longer weights, which the
 * analysis leaves out
 * @param status what to do, by the primary metric; null when there is nothing to analyse
 * @param winner the winning variant when the status is {@link Status#VARIANT_WINS}
 * @param explanation the status in plain words, or why there is no analysis
 * @param design the settings of the analysis, or null when there is none
 * @param metrics each metric's analysis, the primary first
 * @param analysedAt when this look was taken
 */
public record ExperimentReport(String key, @Nullable String description, boolean enabled, String control,
		Map<String, Double> weights, Map<String, Long> users, long totalUsers, Map<String, Long> usersOutsideDesign,
		@Nullable Status status, @Nullable String winner, String explanation, @Nullable Design design,
		List<MetricReport> metrics, Instant analysedAt) {

	/**
	 * The settings an analysis was made with.
	 *
	 * @param method the inference that decides the status; both are reported
	 * @param alpha the false-positive rate
	 * @param power the power of the sample size
	 * @param tuningSampleSize the users at which the sequential test is tightest
	 */
	public record Design(AnalysisMethod method, double alpha, double power, long tuningSampleSize) {

		static Design of(ExperimentDesign design) {
			return new Design(design.method(), design.alpha(), design.power(), design.tuningSampleSize());
		}

	}

	/**
	 * The analysis of one metric.
	 *
	 * @param name the metric's name
	 * @param kind binomial or continuous
	 * @param goal which direction is better
	 * @param minimumDetectableEffect the relative effect worth detecting
	 * @param status what to do, by this metric
	 * @param winner the winning variant, when there is one
	 * @param explanation the status in plain words
	 * @param variants each variant's users, mean (the rate, for a binomial metric) and variance,
	 * the control first
	 * @param comparisons each treatment against the control: lifts, intervals, p-values
	 * (sequential, the default view, and fixed-horizon) and verdict
	 * @param sampleRatio the sample-ratio-mismatch check
	 * @param sampleSize the users needed for the minimum detectable effect and the progress
	 */
	public record MetricReport(String name, MetricKind kind, Goal goal, double minimumDetectableEffect, Status status,
			@Nullable String winner, String explanation, List<VariantSummary> variants, List<Comparison> comparisons,
			SampleRatioCheck sampleRatio, SampleSize sampleSize) {

		static MetricReport of(MetricResult result) {
			List<VariantSummary> variants = new ArrayList<>();
			if (!result.comparisons().isEmpty()) {
				variants.add(result.comparisons().get(0).control());
			}
			result.comparisons().forEach((comparison) -> variants.add(comparison.treatment()));
			return new MetricReport(result.metric().name(), result.metric().kind(), result.metric().goal(),
					result.metric().minimumDetectableEffect(), result.status(), result.winner(), result.explanation(),
					variants, result.comparisons(), result.sampleRatio(), result.sampleSize());
		}

	}

}
