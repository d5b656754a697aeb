package dev.flags.core.experiment;

/**
 * What one treatment's comparison with the control shows, judged by the design's
 * {@link AnalysisMethod}.
 */
public enum Verdict {

	/**
	 * Significantly better than the control, in the metric's {@link Goal} direction.
	 */
	BETTER,

	/**
	 * Significantly worse than the control.
	 */
	WORSE,

	/**
	 * Any difference from the control is smaller than the minimum detectable effect.
	 */
	NO_DIFFERENCE,

	/**
	 * Not decided yet, or not to be decided because the users are not split as the weights say.
	 */
	UNDECIDED

}
