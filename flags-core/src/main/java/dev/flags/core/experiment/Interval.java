package dev.flags.core.experiment;

/**
 * A two-sided confidence interval, or one look at a confidence sequence.
 *
 * @param lower the lower bound
 * @param upper the upper bound, not below the lower
 */
public record Interval(double lower, double upper) {

	/**
	 * Creates an interval.
	 * @param lower the lower bound
	 * @param upper the upper bound
	 * @throws IllegalArgumentException if the bounds are not ordered numbers
	 */
	public Interval {
		if (!(lower <= upper)) {
			throw new IllegalArgumentException("an interval needs lower <= upper, but was [" + lower + ", " + upper + "]");
		}
	}

	/**
	 * The interval {@code estimate ± halfWidth}.
	 * @param estimate the centre
	 * @param halfWidth the half-width, at least 0
	 * @return the interval
	 */
	static Interval around(double estimate, double halfWidth) {
		return new Interval(estimate - halfWidth, estimate + halfWidth);
	}

	/**
	 * Whether the interval contains a value.
	 * @param value the value
	 * @return whether {@code lower <= value <= upper}
	 */
	public boolean contains(double value) {
		return this.lower <= value && value <= this.upper;
	}

}
