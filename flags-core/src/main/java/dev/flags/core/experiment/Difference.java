package dev.flags.core.experiment;

import org.jspecify.annotations.Nullable;

/**
 * The estimated difference between a treatment and the control on one metric, with the standard
 * errors both tests start from.
 * <p>
 * With {@code n} users, mean {@code m} and per-user variance {@code v} on each side (control 0,
 * treatment 1):
 * <ul>
 * <li>absolute lift {@code Δ = m1 − m0}, standard error {@code sqrt(v0/n0 + v1/n1)} (unpooled);</li>
 * <li>relative lift {@code Δ / m0 = m1/m0 − 1}, standard error by the delta method
 * {@code sqrt(v1/(n1·m0²) + m1²·v0/(n0·m0⁴))}.</li>
 * </ul>
 * The per-user variance is {@code p(1 − p)} for a binomial metric and the sample variance for a
 * continuous one.
 *
 * @param control the control's side
 * @param treatment the treatment's side
 * @param absolute the absolute lift
 * @param standardError the standard error of the absolute lift
 * @param relative the relative lift, or null when the control mean is 0 (or too close to 0 for
 * its standard error to be a number)
 * @param relativeStandardError the standard error of the relative lift, 0 when it is null
 * @param estimable whether both sides have enough users for a variance (one for a binomial
 * metric, two for a continuous one)
 */
record Difference(VariantSummary control, VariantSummary treatment, double absolute, double standardError,
		@Nullable Double relative, double relativeStandardError, boolean estimable) {

	static Difference of(MetricKind kind, String controlName, VariantStatistics control, String treatmentName,
			VariantStatistics treatment) {
		VariantSummary c = summary(kind, controlName, control);
		VariantSummary t = summary(kind, treatmentName, treatment);
		long minimumUsers = (kind == MetricKind.BINOMIAL) ? 1 : 2;
		boolean estimable = c.users() >= minimumUsers && t.users() >= minimumUsers;
		double absolute = t.mean() - c.mean();
		if (!estimable) {
			return new Difference(c, t, absolute, 0, null, 0, false);
		}
		double standardError = Math.sqrt(c.variance() / c.users() + t.variance() / t.users());
		Double relative = null;
		double relativeStandardError = 0;
		if (c.mean() != 0) {
			double m0 = c.mean();
			double m1 = t.mean();
			relative = absolute / m0;
			relativeStandardError = Math.sqrt(t.variance() / (t.users() * m0 * m0)
					+ m1 * m1 * c.variance() / (c.users() * m0 * m0 * m0 * m0));
			// A control mean so close to 0 that the powers overflow gives no usable relative lift.
			if (!Double.isFinite(relative) || !Double.isFinite(relativeStandardError)) {
				relative = null;
				relativeStandardError = 0;
			}
		}
		return new Difference(c, t, absolute, standardError, relative, relativeStandardError, true);
	}

	private static VariantSummary summary(MetricKind kind, String name, VariantStatistics statistics) {
		double mean = statistics.mean();
		double variance = (kind == MetricKind.BINOMIAL) ? mean * (1 - mean) : statistics.sampleVariance();
		return new VariantSummary(name, statistics.users(), mean, variance);
	}

	long users() {
		return this.control.users() + this.treatment.users();
	}

}
