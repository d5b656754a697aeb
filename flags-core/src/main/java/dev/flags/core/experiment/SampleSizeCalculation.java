package dev.flags.core.experiment;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.jspecify.annotations.Nullable;

/**
 * The users a fixed-horizon test needs, from the control's observed baseline.
 * <p>
 * For treatment {@code t} with weight share {@code k1 = wt/(w0 + wt)} of the pair and
 * {@code k0 = 1 − k1} for the control, the pair needs
 * {@code N = (z(1−α'/2) + z(power))² · (v0/k0 + v1/k1) / δ²} users, where {@code δ = |m1 − m0|}
 * is the minimum detectable effect applied to the control mean {@code m0}
 * ({@code m1 = m0·(1 ± mde)}, in the goal's direction), {@code v0} is the control's per-user
 * variance, {@code v1} is {@code m1(1 − m1)} for a binomial metric and {@code v0} for a continuous
 * one, and {@code α' = α/(number of treatments)}, the level Holm's correction tests the smallest
 * p-value at. The experiment needs {@code N·Σw/(w0 + wt)} users in all, the largest over the
 * treatments, rounded up.
 */
final class SampleSizeCalculation {

	private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

	private SampleSizeCalculation() {
	}

	static SampleSize of(ExperimentDesign design, Metric metric, VariantStatistics control, long users) {
		Double required = requiredUsers(design, metric, control);
		if (required == null) {
			return new SampleSize(null, users, null);
		}
		long requiredUsers = (long) Math.ceil(required);
		return new SampleSize(requiredUsers, users, Math.min(1.0, (double) users / requiredUsers));
	}

	/**
	 * The users needed before rounding up, or null when the control gives no usable baseline.
	 */
	static @Nullable Double requiredUsers(ExperimentDesign design, Metric metric, VariantStatistics control) {
		boolean binomial = metric.kind() == MetricKind.BINOMIAL;
		if (control.users() < (binomial ? 1 : 2) || control.mean() == 0) {
			return null;
		}
		double m0 = control.mean();
		double direction = (metric.goal() == Goal.INCREASE) ? 1 : -1;
		double m1 = m0 * (1 + direction * metric.minimumDetectableEffect());
		double v0;
		double v1;
		if (binomial) {
			m1 = Math.min(1, Math.max(0, m1));
			v0 = m0 * (1 - m0);
			v1 = m1 * (1 - m1);
		}
		else {
			v0 = control.sampleVariance();
			v1 = v0;
		}
		double delta = Math.abs(m1 - m0);
		if (delta == 0 || v0 + v1 == 0) {
			return null;
		}
		int treatments = design.weights().size() - 1;
		double zAlpha = STANDARD_NORMAL.inverseSurvivalProbability(design.alpha() / treatments / 2);
		double zPower = STANDARD_NORMAL.inverseCumulativeProbability(design.power());
		double w0 = design.weights().get(design.control());
		double required = 0;
		for (String treatment : design.treatments()) {
			double wt = design.weights().get(treatment);
			double k0 = w0 / (w0 + wt);
			double k1 = wt / (w0 + wt);
			double pair = (zAlpha + zPower) * (zAlpha + zPower) * (v0 / k0 + v1 / k1) / (delta * delta);
			required = Math.max(required, pair * design.totalWeight() / (w0 + wt));
		}
		return required;
	}

}
