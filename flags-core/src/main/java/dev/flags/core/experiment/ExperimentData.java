package dev.flags.core.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The observed statistics of an experiment: for each metric, the {@link VariantStatistics} of each
 * variant. Immutable; data from several instances or stores is combined with
 * {@link #plus(ExperimentData)}, which adds the statistics of the same metric and variant.
 *
 * @param metrics the statistics by metric name, then by variant name
 */
public record ExperimentData(Map<String, Map<String, VariantStatistics>> metrics) {

	private static final ExperimentData EMPTY = new ExperimentData(Map.of());

	/**
	 * Creates the data, copying the maps.
	 * @param metrics the statistics by metric, then by variant
	 */
	public ExperimentData {
		Map<String, Map<String, VariantStatistics>> copy = new LinkedHashMap<>();
		metrics.forEach((metric, byVariant) -> copy.put(metric, Collections.unmodifiableMap(new LinkedHashMap<>(byVariant))));
		metrics = Collections.unmodifiableMap(copy);
	}

	/**
	 * No data.
	 * @return the empty data
	 */
	public static ExperimentData empty() {
		return EMPTY;
	}

	/**
	 * The data of one metric.
	 * @param metric the metric's name
	 * @param byVariant the statistics by variant
	 * @return the data
	 */
	public static ExperimentData of(String metric, Map<String, VariantStatistics> byVariant) {
		return new ExperimentData(Map.of(metric, byVariant));
	}

	/**
	 * This data with statistics added to those of a metric and variant.
	 * @param metric the metric's name
	 * @param variant the variant's name
	 * @param statistics the statistics to add
	 * @return the data
	 */
	public ExperimentData plus(String metric, String variant, VariantStatistics statistics) {
		Map<String, Map<String, VariantStatistics>> sum = mutableCopy();
		sum.computeIfAbsent(metric, (key) -> new LinkedHashMap<>()).merge(variant, statistics, VariantStatistics::plus);
		return new ExperimentData(sum);
	}

	/**
	 * This data and another added together.
	 * @param other the data to add
	 * @return the sum
	 */
	public ExperimentData plus(ExperimentData other) {
		Map<String, Map<String, VariantStatistics>> sum = mutableCopy();
		other.metrics.forEach((metric, byVariant) -> {
			Map<String, VariantStatistics> target = sum.computeIfAbsent(metric, (key) -> new LinkedHashMap<>());
			byVariant.forEach((variant, statistics) -> target.merge(variant, statistics, VariantStatistics::plus));
		});
		return new ExperimentData(sum);
	}

	/**
	 * The statistics of a metric and variant.
	 * @param metric the metric's name
	 * @param variant the variant's name
	 * @return the statistics, {@link VariantStatistics#EMPTY} when there are none
	 */
	public VariantStatistics statistics(String metric, String variant) {
		Map<String, VariantStatistics> byVariant = this.metrics.get(metric);
		if (byVariant == null) {
			return VariantStatistics.EMPTY;
		}
		return byVariant.getOrDefault(variant, VariantStatistics.EMPTY);
	}

	private Map<String, Map<String, VariantStatistics>> mutableCopy() {
		Map<String, Map<String, VariantStatistics>> copy = new LinkedHashMap<>();
		this.metrics.forEach((metric, byVariant) -> copy.put(metric, new LinkedHashMap<>(byVariant)));
		return copy;
	}

}
