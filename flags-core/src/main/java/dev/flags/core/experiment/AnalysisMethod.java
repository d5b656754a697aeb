package dev.flags.core.experiment;

/**
 * Which inference an experiment's status is decided by. Both are always computed and reported.
 */
public enum AnalysisMethod {

	/**
	 * Always-valid p-values and confidence sequences: the results may be looked at, and acted
	 * on, at any time, as often as wanted. The default.
	 */
	SEQUENTIAL,

	/**
	 * Classical p-values and confidence intervals, valid only when read once, at the planned
	 * sample size. Before that sample size is reached the status stays
	 * {@link Status#KEEP_RUNNING}.
	 */
	FIXED_HORIZON

}
