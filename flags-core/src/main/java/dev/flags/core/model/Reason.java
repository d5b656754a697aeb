package dev.flags.core.model;

/**
 * Why an evaluation came out as it did (spec §4).
 */
public enum Reason {

	/** The flag is disabled: off for everyone. */
	DISABLED,

	/** The context key is in the flag's exclude list. */
	EXCLUDED,

	/** The context key is in the flag's include list. */
	INCLUDED,

	/** A targeting rule decided; the evaluation names its index. */
	RULE_MATCH,

	/** The flag's own percentage rollout decided. */
	ROLLOUT,

	/** A partial rollout had no unit to bucket by, so the flag is off. */
	NO_BUCKETING_KEY,

	/** No flag with that key is defined; the caller's default was served. */
	FLAG_NOT_FOUND,

	/** The definition could not be evaluated; the caller's default was served. */
	ERROR

}
