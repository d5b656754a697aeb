package dev.flags.core.experiment;

/**
 * A metric an experiment is judged by.
 *
 * @param name the metric's name, unique within a design
 * @param kind whether users convert (binomial) or have a real value (continuous)
 * @param minimumDetectableEffect the smallest relative change of the control's mean worth
 * detecting, for example {@code 0.05} for 5 %; it sets the sample size needed and the margin
 * within which variants count as no different
 * @param goal which direction is an improvement
 */
public record Metric(String name, MetricKind kind, double minimumDetectableEffect, Goal goal) {

	/**
	 * Creates a metric.
	 * @param name the name
	 * @param kind the kind
	 * @param minimumDetectableEffect the relative minimum detectable effect, greater than 0
	 * @param goal which direction is better
	 * @throws IllegalArgumentException if the name is blank or the effect is not positive
	 */
	public Metric {
		if (name.isBlank()) {
			throw new IllegalArgumentException("a metric's name must not be blank");
		}
		if (!(minimumDetectableEffect > 0) || !Double.isFinite(minimumDetectableEffect)) {
			throw new IllegalArgumentException("metric '" + name
					+ "': minimumDetectableEffect must be a relative change greater than 0 (0.05 for 5 %), but was "
					+ minimumDetectableEffect);
		}
	}

	/**
	 * A conversion metric where more is better.
	 * @param name the name
	 * @param minimumDetectableEffect the relative minimum detectable effect (0.05 for 5 %)
	 * @return the metric
	 */
	public static Metric binomial(String name, double minimumDetectableEffect) {
		return new Metric(name, MetricKind.BINOMIAL, minimumDetectableEffect, Goal.INCREASE);
	}

	/**
	 * A metric with a real value per user where more is better.
	 * @param name the name
	 * @param minimumDetectableEffect the relative minimum detectable effect (0.05 for 5 %)
	 * @return the metric
	 */
	public static Metric continuous(String name, double minimumDetectableEffect) {
		return new Metric(name, MetricKind.CONTINUOUS, minimumDetectableEffect, Goal.INCREASE);
	}

	/**
	 * This metric with another goal.
	 * @param goal which direction is better
	 * @return the metric
	 */
	public Metric withGoal(Goal goal) {
		return new Metric(this.name, this.kind, this.minimumDetectableEffect, goal);
	}

}
