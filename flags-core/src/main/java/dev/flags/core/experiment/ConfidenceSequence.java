package dev.flags.core.experiment;

/**
 * The always-valid test: the asymptotic confidence sequence of Howard, Ramdas, McAuliffe and
 * Sekhon (normal mixture), in the form of Waudby-Smith et al., and its dual, the mSPRT p-value.
 * <p>
 * For a difference estimated from {@code N = n0 + n1} users with standard error {@code se}, the
 * per-user standard deviation is {@code σ = se·sqrt(N)} and the half-width at level
 * {@code 1 − α} is
 *
 * <pre>
 * h(N) = σ · sqrt( 2(Nρ² + 1) / (N²ρ²) · ln( sqrt(Nρ² + 1) / α ) )
 *      = se · sqrt( 2(1 + v)/v · ln( sqrt(1 + v) / α ) ),   v = Nρ²
 * </pre>
 *
 * with the mixture parameter ρ chosen on the standardised scale so the sequence is tightest at the
 * tuning sample size N*: {@code ρ² = (−2 ln α + ln(−2 ln α + 1)) / N*}. Because ρ is applied to
 * standardised data, results do not depend on the metric's unit.
 * <p>
 * The always-valid p-value is the smallest α at which the sequence (with ρ held fixed) excludes 0.
 * Solving {@code h(N) = |Δ|} for α gives, with {@code z = Δ/se},
 *
 * <pre>
 * p = min(1, sqrt(1 + v) · exp( −v·z² / (2(1 + v)) ))
 * </pre>
 *
 * which is {@code 1/Λ}, the reciprocal of the mixture likelihood ratio of the mSPRT with a normal
 * mixture (Johari et al.). The caller keeps the running minimum across looks.
 */
final class ConfidenceSequence {

	private final double alpha;

	private final double rhoSquared;

	private ConfidenceSequence(double alpha, double rhoSquared) {
		this.alpha = alpha;
		this.rhoSquared = rhoSquared;
	}

	static ConfidenceSequence of(double alpha, long tuningSampleSize) {
		double logAlpha = -2 * Math.log(alpha);
		return new ConfidenceSequence(alpha, (logAlpha + Math.log(logAlpha + 1)) / tuningSampleSize);
	}

	double rhoSquared() {
		return this.rhoSquared;
	}

	/**
	 * The half-width of the sequence in standard errors after {@code users} users.
	 */
	double halfWidthInStandardErrors(long users) {
		double v = users * this.rhoSquared;
		return Math.sqrt(2 * (1 + v) / v * (0.5 * Math.log1p(v) - Math.log(this.alpha)));
	}

	/**
	 * The always-valid p-value of this look alone for a z statistic after {@code users} users.
	 */
	double pValue(double z, long users) {
		double v = users * this.rhoSquared;
		return Math.min(1, Math.exp(0.5 * Math.log1p(v) - v * z * z / (2 * (1 + v))));
	}

	TestResult test(Difference difference) {
		if (!difference.estimable()) {
			return TestResult.NOT_ESTIMABLE;
		}
		long users = difference.users();
		double multiplier = halfWidthInStandardErrors(users);
		double standardError = difference.standardError();
		double pValue = (standardError > 0) ? pValue(difference.absolute() / standardError, users)
				: TestResult.degeneratePValue(difference.absolute());
		Interval absolute = Interval.around(difference.absolute(), multiplier * standardError);
		Double relativeLift = difference.relative();
		Interval relative = (relativeLift != null)
				? Interval.around(relativeLift, multiplier * difference.relativeStandardError()) : null;
		return new TestResult(pValue, absolute, relative);
	}

}
