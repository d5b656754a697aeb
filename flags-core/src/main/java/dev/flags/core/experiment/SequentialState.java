package dev.flags.core.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the sequential test remembers between looks at an experiment: for each metric and
 * treatment, the smallest always-valid p-value seen so far. The reported sequential p-value is
 * this running minimum, so it never rises from one look to the next.
 * <p>
 * Immutable: pass the state returned by the previous analysis
 * ({@link ExperimentResult#sequentialState()}) to the next one, and start with
 * {@link #initial()}. It belongs to one experiment and one design; start again from
 * {@link #initial()} when the experiment is restarted or its alpha or tuning sample size changes.
 * Its only field is a map of plain numbers, so it is easy to keep in any store.
 *
 * @param minimumPValues the smallest sequential p-value by metric, then by treatment
 */
public record SequentialState(Map<String, Map<String, Double>> minimumPValues) {

	private static final SequentialState INITIAL = new SequentialState(Map.of());

	/**
	 * Creates a state, copying and checking the map.
	 * @param minimumPValues the smallest p-values by metric, then by treatment
	 * @throws IllegalArgumentException if a p-value is not between 0 and 1
	 */
	public SequentialState {
		Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
		minimumPValues.forEach((metric, byVariant) -> {
			byVariant.forEach((variant, p) -> {
				if (p == null || !(p >= 0 && p <= 1)) {
					throw new IllegalArgumentException("the sequential p-value of metric '" + metric + "', variant '"
							+ variant + "' must be between 0 and 1, but was " + p);
				}
			});
			copy.put(metric, Collections.unmodifiableMap(new LinkedHashMap<>(byVariant)));
		});
		minimumPValues = Collections.unmodifiableMap(copy);
	}

	/**
	 * The state before the first look.
	 * @return the initial state
	 */
	public static SequentialState initial() {
		return INITIAL;
	}

	/**
	 * The smallest sequential p-value seen so far.
	 * @param metric the metric's name
	 * @param variant the treatment's name
	 * @return the p-value, 1 before the first look
	 */
	public double minimumPValue(String metric, String variant) {
		Map<String, Double> byVariant = this.minimumPValues.get(metric);
		if (byVariant == null) {
			return 1;
		}
		return byVariant.getOrDefault(variant, 1.0);
	}

	/**
	 * Records a look.
	 * @param metric the metric's name
	 * @param variant the treatment's name
	 * @param pValue the p-value of this look
	 * @return the state with the running minimum updated
	 */
	SequentialState withLook(String metric, String variant, double pValue) {
		double minimum = Math.min(minimumPValue(metric, variant), pValue);
		Map<String, Map<String, Double>> next = new LinkedHashMap<>(this.minimumPValues);
		Map<String, Double> byVariant = new LinkedHashMap<>(next.getOrDefault(metric, Map.of()));
		byVariant.put(variant, minimum);
		next.put(metric, byVariant);
		return new SequentialState(next);
	}

}
