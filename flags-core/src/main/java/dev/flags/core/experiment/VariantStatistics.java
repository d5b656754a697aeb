package dev.flags.core.experiment;

/**
 * The sufficient statistics of one metric for one variant: the number of users and the sum and
 * sum of squares of their per-user values. Everything the analysis needs follows from these three
 * numbers, and statistics gathered by several instances or stores add up exactly with
 * {@link #plus(VariantStatistics)}.
 * <p>
 * The unit of analysis is the user, never the event: each user contributes one value. For a
 * {@linkplain MetricKind#BINOMIAL binomial} metric that value is 1 if the user converted at least
 * once and 0 otherwise, so the sum and the sum of squares are both the number of converted users
 * (see {@link #ofConversions(long, long)}). Users who were exposed but did nothing count with the
 * value 0.
 *
 * @param users the number of users, at least 0
 * @param sum the sum of the users' values
 * @param sumOfSquares the sum of the squares of the users' values
 */
public record VariantStatistics(long users, double sum, double sumOfSquares) {

	/**
	 * No users.
	 */
	public static final VariantStatistics EMPTY = new VariantStatistics(0, 0, 0);

	// Rounding in long sums of squares may push (Σx)² a hair above n·Σx² when all values are equal.
	private static final double CAUCHY_SCHWARZ_SLACK = 1e-9;

	/**
	 * Creates statistics, checking that they can come from real values.
	 * @param users the number of users
	 * @param sum the sum of their values
	 * @param sumOfSquares the sum of the squares of their values
	 * @throws IllegalArgumentException if a number is negative where it cannot be, not finite, or
	 * the three are inconsistent with each other
	 */
	public VariantStatistics {
		if (users < 0) {
			throw new IllegalArgumentException("users must not be negative, but was " + users);
		}
		if (!Double.isFinite(sum) || !Double.isFinite(sumOfSquares)) {
			throw new IllegalArgumentException(
					"sum and sumOfSquares must be finite, but were " + sum + " and " + sumOfSquares);
		}
		if (sumOfSquares < 0) {
			throw new IllegalArgumentException("sumOfSquares must not be negative, but was " + sumOfSquares);
		}
		if (users == 0 && (sum != 0 || sumOfSquares != 0)) {
			throw new IllegalArgumentException(
					"with no users, sum and sumOfSquares must be 0, but were " + sum + " and " + sumOfSquares);
		}
		if (sum * sum > users * sumOfSquares * (1 + CAUCHY_SCHWARZ_SLACK)) {
			throw new IllegalArgumentException("sum " + sum + " and sumOfSquares " + sumOfSquares + " cannot come from "
					+ users + " users: (sum)² may not exceed users × sumOfSquares");
		}
	}

	/**
	 * The statistics of a binomial metric: each user counts 1 if converted, else 0.
	 * @param users the number of users exposed to the variant
	 * @param convertedUsers how many of them converted at least once
	 * @return the statistics
	 * @throws IllegalArgumentException if {@code convertedUsers} is negative or exceeds
	 * {@code users}
	 */
	public static VariantStatistics ofConversions(long users, long convertedUsers) {
		if (convertedUsers < 0 || convertedUsers > users) {
			throw new IllegalArgumentException(
					"convertedUsers must be between 0 and users (" + users + "), but was " + convertedUsers);
		}
		return new VariantStatistics(users, convertedUsers, convertedUsers);
	}

	/**
	 * The statistics of the given per-user values, one value per user.
	 * @param values the values
	 * @return the statistics
	 * @throws IllegalArgumentException if a value is not finite
	 */
	public static VariantStatistics ofValues(double... values) {
		double sum = 0;
		double sumOfSquares = 0;
		for (double value : values) {
			requireFinite(value);
			sum += value;
			sumOfSquares += value * value;
		}
		return new VariantStatistics(values.length, sum, sumOfSquares);
	}

	/**
	 * These statistics and another set added together, as if all their users had been counted in
	 * one place.
	 * @param other the statistics to add
	 * @return the sum
	 */
	public VariantStatistics plus(VariantStatistics other) {
		return new VariantStatistics(Math.addExact(this.users, other.users), this.sum + other.sum,
				this.sumOfSquares + other.sumOfSquares);
	}

	/**
	 * These statistics with one more user who has the given value.
	 * @param value the user's value (0 or 1 for a binomial metric)
	 * @return the new statistics
	 * @throws IllegalArgumentException if the value is not finite
	 */
	public VariantStatistics plusUser(double value) {
		requireFinite(value);
		return new VariantStatistics(Math.addExact(this.users, 1), this.sum + value,
				this.sumOfSquares + value * value);
	}

	/**
	 * The mean value per user; for a binomial metric, the conversion rate.
	 * @return the mean, or 0 when there are no users
	 */
	public double mean() {
		return (this.users != 0) ? this.sum / this.users : 0;
	}

	/**
	 * The sample variance of the per-user values,
	 * {@code (Σx² − (Σx)²/n) / (n − 1)}.
	 * @return the variance, or 0 when there are fewer than two users
	 */
	public double sampleVariance() {
		if (this.users < 2) {
			return 0;
		}
		double centred = this.sumOfSquares - this.sum * this.sum / this.users;
		return Math.max(0, centred / (this.users - 1));
	}

	/**
	 * Whether every user's value can be 0 or 1: the sum equals the sum of squares and is a whole
	 * number no larger than the number of users.
	 * @return whether these are the statistics of a binomial metric
	 */
	public boolean isBinary() {
		return this.sum == this.sumOfSquares && this.sum == Math.rint(this.sum) && this.sum <= this.users;
	}

	private static void requireFinite(double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("a user's value must be finite, but was " + value);
		}
	}

}
