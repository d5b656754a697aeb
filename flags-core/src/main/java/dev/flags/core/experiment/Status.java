package dev.flags.core.experiment;

/**
 * What to do with an experiment, in plain words.
 */
public enum Status {

	/**
	 * Not enough evidence yet: keep the experiment running.
	 */
	KEEP_RUNNING,

	/**
	 * A variant is significantly better than every alternative that is still in question; it may
	 * be the control when every treatment is worse or no better.
	 */
	VARIANT_WINS,

	/**
	 * The variants do not differ by the minimum detectable effect or more.
	 */
	NO_DIFFERENCE,

	/**
	 * The users are not split as the weights say (sample ratio mismatch): the results cannot be
	 * trusted.
	 */
	INVALID

}
