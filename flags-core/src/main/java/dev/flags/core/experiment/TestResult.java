package dev.flags.core.experiment;

import org.jspecify.annotations.Nullable;

/**
 * One test's p-value and intervals, before any multiplicity correction.
 *
 * @param pValue the two-sided p-value
 * @param absolute the interval for the absolute lift, or null without enough data
 * @param relative the interval for the relative lift, or null without enough data or with a
 * control mean of 0
 */
record TestResult(double pValue, @Nullable Interval absolute, @Nullable Interval relative) {

	static final TestResult NOT_ESTIMABLE = new TestResult(1, null, null);

	Inference adjusted(double adjustedPValue) {
		return new Inference(this.pValue, adjustedPValue, this.absolute, this.relative);
	}

	/**
	 * The two-sided p-value when the standard error is 0: no doubt at all either way.
	 */
	static double degeneratePValue(double difference) {
		return (difference == 0) ? 1 : 0;
	}

}
