package dev.flags.core.lifecycle;

/**
 * Why a temporary flag is due for removal, in the order of precedence used when several apply.
 */
public enum StaleReason {

	/**
	 * Not evaluated for longer than the unused threshold: no code asks for it any more, so it
	 * can be deleted without a code change.
	 */
	NOT_EVALUATED,

	/**
	 * An experiment whose analysis is concluded.
	 */
	CONCLUDED,

	/**
	 * Fully on for everyone for longer than the stale threshold: its off path is dead code.
	 */
	FULLY_ON,

	/**
	 * Fully off for everyone for longer than the stale threshold: the code it gates is dead.
	 */
	FULLY_OFF,

	/**
	 * Past its {@code expiresAt}.
	 */
	EXPIRED

}
