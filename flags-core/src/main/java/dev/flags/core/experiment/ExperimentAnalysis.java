package dev.flags.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Analyses an experiment at one look. Pure: the same design, data and state always give the same
 * result, and nothing is kept between calls but the {@link SequentialState} the caller passes on.
 * <p>
 * For each metric and each treatment against the control it reports the users, the means and
 * variances, the absolute and relative lift with intervals, the fixed-horizon p-value
 * (two-proportion z-test or Welch's t-test) and the always-valid sequential p-value with its
 * confidence sequence, both after Holm's correction over the treatments; a sample-ratio-mismatch
 * check; the sample size needed and the progress towards it; and a plain-words status. The
 * formulas are given in {@code docs/experiments-statistics.md}.
 *
 * <pre class="code">
 * ExperimentDesign design = ExperimentDesign.of("control", Map.of("control", 50.0, "treatment", 50.0),
 * 		Metric.binomial("checkout", 0.05));
 * ExperimentResult result = ExperimentAnalysis.analyze(design, data, state);
 * state = result.sequentialState(); // keep for the next look
 * </pre>
 */
public final class ExperimentAnalysis {

	private ExperimentAnalysis() {
	}

	/**
	 * Analyses every metric of the design.
	 * @param design the experiment's design
	 * @param data the statistics by metric and variant; metrics or variants without data count as
	 * having no users yet
	 * @param state the state returned by the previous look, or {@link SequentialState#initial()}
	 * @return the result, with the state for the next look
	 * @throws IllegalArgumentException if the data names a metric or variant the design does not
	 * have, or a binomial metric has values other than 0 and 1
	 */
	public static ExperimentResult analyze(ExperimentDesign design, ExperimentData data, SequentialState state) {
		check(design, data);
		List<MetricResult> results = new ArrayList<>();
		SequentialState next = state;
		for (Metric metric : design.metrics()) {
			MetricAnalysis.Outcome outcome = MetricAnalysis.analyze(design, metric,
					data.metrics().getOrDefault(metric.name(), Map.of()), next);
			results.add(outcome.result());
			next = outcome.state();
		}
		return new ExperimentResult(results, next);
	}

	/**
	 * Analyses a design with a single metric.
	 * @param design the experiment's design, with one metric
	 * @param byVariant the metric's statistics by variant
	 * @param state the state returned by the previous look, or {@link SequentialState#initial()}
	 * @return the result, with the state for the next look
	 * @throws IllegalArgumentException if the design has more than one metric, or as
	 * {@link #analyze(ExperimentDesign, ExperimentData, SequentialState)}
	 */
	public static ExperimentResult analyze(ExperimentDesign design, Map<String, VariantStatistics> byVariant,
			SequentialState state) {
		if (design.metrics().size() != 1) {
			throw new IllegalArgumentException("statistics for a single metric need a design with one metric, but it has "
					+ design.metrics().stream().map(Metric::name).toList());
		}
		return analyze(design, ExperimentData.of(design.primaryMetric().name(), byVariant), state);
	}

	private static void check(ExperimentDesign design, ExperimentData data) {
		data.metrics().forEach((name, byVariant) -> {
			Metric metric = design.metrics()
				.stream()
				.filter((candidate) -> candidate.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("there is data for metric '" + name
						+ "', which the design does not declare; its metrics are "
						+ design.metrics().stream().map(Metric::name).toList()));
			byVariant.forEach((variant, statistics) -> {
				if (!design.weights().containsKey(variant)) {
					throw new IllegalArgumentException("metric '" + name + "' has data for variant '" + variant
							+ "', which the design does not weight; its variants are " + design.weights().keySet());
				}
				if (metric.kind() == MetricKind.BINOMIAL && !statistics.isBinary()) {
					throw new IllegalArgumentException("metric '" + name + "' is binomial, so each user's value is 0 or 1"
							+ " and sum and sumOfSquares are both the number of converted users (at most the users), but"
							+ " variant '" + variant + "' has " + statistics);
				}
			});
		});
	}

}
