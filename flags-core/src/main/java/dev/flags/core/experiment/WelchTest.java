package dev.flags.core.experiment;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The fixed-horizon test of a continuous metric: Welch's unequal-variances t-test (R's
 * {@code t.test(var.equal = FALSE)}, SciPy's {@code ttest_ind(equal_var=False)}).
 * <ul>
 * <li>{@code t = Δ / se} with {@code se = sqrt(s0²/n0 + s1²/n1)}, Welch–Satterthwaite degrees of
 * freedom {@code ν = se⁴ / ((s0²/n0)²/(n0 − 1) + (s1²/n1)²/(n1 − 1))}, and
 * {@code p = 2·T̄ν(|t|)} from the survival function;</li>
 * <li>the interval for the absolute lift is {@code Δ ± tν(1−α/2)·se};</li>
 * <li>the interval for the relative lift is the delta-method {@code r ± z(1−α/2)·se(r)} (an
 * asymptotic interval, so the normal quantile).</li>
 * </ul>
 */
final class WelchTest {

	private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

	private WelchTest() {
	}

	static TestResult test(Difference difference, double alpha) {
		if (!difference.estimable()) {
			return TestResult.NOT_ESTIMABLE;
		}
		VariantSummary control = difference.control();
		VariantSummary treatment = difference.treatment();
		double standardError = difference.standardError();
		Interval absolute;
		double pValue;
		if (standardError > 0) {
			double a0 = control.variance() / control.users();
			double a1 = treatment.variance() / treatment.users();
			double degreesOfFreedom = (a0 + a1) * (a0 + a1)
					/ (a0 * a0 / (control.users() - 1) + a1 * a1 / (treatment.users() - 1));
			TDistribution t = TDistribution.of(degreesOfFreedom);
			pValue = 2 * t.survivalProbability(Math.abs(difference.absolute()) / standardError);
			absolute = Interval.around(difference.absolute(), t.inverseSurvivalProbability(alpha / 2) * standardError);
		}
		else {
			pValue = TestResult.degeneratePValue(difference.absolute());
			absolute = Interval.around(difference.absolute(), 0);
		}
		Double relativeLift = difference.relative();
		Interval relative = (relativeLift != null) ? Interval.around(relativeLift,
				STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2) * difference.relativeStandardError()) : null;
		return new TestResult(Math.min(1, pValue), absolute, relative);
	}

}
