package dev.flags.core.experiment;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The fixed-horizon test of a binomial metric: the two-proportion z-test without continuity
 * correction (the same p-value as a chi-square test of the 2×2 table, R's
 * {@code prop.test(correct = FALSE)}).
 * <ul>
 * <li>{@code z = (p1 − p0) / sqrt(p̄(1 − p̄)(1/n0 + 1/n1))} with the pooled rate
 * {@code p̄ = (x0 + x1)/(n0 + n1)}; {@code p = 2·Φ̄(|z|)}, from the normal survival function so
 * that far-tail p-values do not round to 0;</li>
 * <li>the interval for the absolute lift is the unpooled Wald interval
 * {@code Δ ± z(1−α/2)·sqrt(p0(1 − p0)/n0 + p1(1 − p1)/n1)};</li>
 * <li>the interval for the relative lift is {@code r ± z(1−α/2)·se(r)} with the delta-method
 * standard error of {@link Difference}.</li>
 * </ul>
 */
final class TwoProportionTest {

	private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

	private TwoProportionTest() {
	}

	static TestResult test(Difference difference, VariantStatistics control, VariantStatistics treatment,
			double alpha) {
		if (!difference.estimable()) {
			return TestResult.NOT_ESTIMABLE;
		}
		double n0 = control.users();
		double n1 = treatment.users();
		double pooled = (control.sum() + treatment.sum()) / (n0 + n1);
		double pooledError = Math.sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1));
		double pValue = (pooledError > 0)
				? 2 * STANDARD_NORMAL.survivalProbability(Math.abs(difference.absolute()) / pooledError)
				: TestResult.degeneratePValue(difference.absolute());
		double quantile = STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2);
		Interval absolute = Interval.around(difference.absolute(), quantile * difference.standardError());
		Double relativeLift = difference.relative();
		Interval relative = (relativeLift != null)
				? Interval.around(relativeLift, quantile * difference.relativeStandardError()) : null;
		return new TestResult(Math.min(1, pValue), absolute, relative);
	}

}
