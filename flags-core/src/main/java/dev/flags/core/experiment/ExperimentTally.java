package dev.flags.core.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link ResultsStore} counted for one experiment: the users exposed to each variant, and
 * for each metric and variant the sum and the sum of squares of the users' values. Users who were
 * exposed but have no event of a metric count with the value 0, so they add to the users and not
 * to the sums.
 *
 * @param users the users exposed, by variant
 * @param sums the sums, by metric, then by variant
 */
public record ExperimentTally(Map<String, Long> users, Map<String, Map<String, Sums>> sums) {

	private static final ExperimentTally EMPTY = new ExperimentTally(Map.of(), Map.of());

	/**
	 * Creates a tally, copying the maps.
	 * @param users the users by variant
	 * @param sums the sums by metric and variant
	 */
	public ExperimentTally {
		users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
		Map<String, Map<String, Sums>> copy = new LinkedHashMap<>();
		sums.forEach((metric, byVariant) -> copy.put(metric, Collections.unmodifiableMap(new LinkedHashMap<>(byVariant))));
		sums = Collections.unmodifiableMap(copy);
	}

	/**
	 * Nothing counted.
	 * @return the empty tally
	 */
	public static ExperimentTally empty() {
		return EMPTY;
	}

	/**
	 * The users exposed to any variant.
	 * @return the total
	 */
	public long totalUsers() {
		long total = 0;
		for (long count : this.users.values()) {
			total += count;
		}
		return total;
	}

	/**
	 * The variants users were exposed to that the design does not weight (renamed or removed
	 * since): their users cannot enter the analysis.
	 * @param design the design
	 * @return the unknown variants
	 */
	public Set<String> variantsOutside(ExperimentDesign design) {
		Set<String> unknown = new LinkedHashSet<>(this.users.keySet());
		unknown.removeAll(design.weights().keySet());
		return unknown;
	}

	/**
	 * The statistics of each of the design's metrics for each of its variants, ready for
	 * {@link ExperimentAnalysis#analyze}. Variants the design does not weight are left out (see
	 * {@link #variantsOutside}); metrics without events have every user at 0.
	 * <p>
	 * A continuous metric's sum of squares is updated by differences of squares as users' values
	 * change; where rounding leaves it a hair below what the sum allows ({@code (Σx)²/n}), it is
	 * raised to that floor, which is a variance of 0.
	 * @param design the design
	 * @return the data
	 */
	public ExperimentData data(ExperimentDesign design) {
		Map<String, Map<String, VariantStatistics>> metrics = new LinkedHashMap<>();
		for (Metric metric : design.metrics()) {
			Map<String, Sums> byVariant = this.sums.getOrDefault(metric.name(), Map.of());
			Map<String, VariantStatistics> statistics = new LinkedHashMap<>();
			for (String variant : design.weights().keySet()) {
				long n = this.users.getOrDefault(variant, 0L);
				statistics.put(variant, statistics(metric.kind(), n, byVariant.getOrDefault(variant, Sums.ZERO)));
			}
			metrics.put(metric.name(), statistics);
		}
		return new ExperimentData(metrics);
	}

	private static VariantStatistics statistics(MetricKind kind, long users, Sums sums) {
		if (users == 0) {
			return VariantStatistics.EMPTY;
		}
		if (kind == MetricKind.BINOMIAL) {
			long converted = Math.max(0, Math.min(users, Math.round(sums.sum())));
			return VariantStatistics.ofConversions(users, converted);
		}
		double floor = sums.sum() * sums.sum() / users;
		return new VariantStatistics(users, sums.sum(), Math.max(sums.sumOfSquares(), floor));
	}

	/**
	 * The sum and sum of squares of the users' values of one metric in one variant.
	 *
	 * @param sum {@code Σx} over the users
	 * @param sumOfSquares {@code Σx²} over the users
	 */
	public record Sums(double sum, double sumOfSquares) {

		/**
		 * No value yet.
		 */
		public static final Sums ZERO = new Sums(0, 0);

	}

}
