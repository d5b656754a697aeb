package dev.flags.spring.governance;

import java.math.BigDecimal;

/**
 * The rules the write path enforces.
 *
 * @param readOnly whether every write is refused, as on a read-only replica
 * @param writesEnabled whether writes are allowed at all
 * @param secured whether callers are checked for authentication and roles (Spring Security's
 * web security is active)
 * @param readRole the role that may read flags and their audit log, when secured
 * @param writeRole the role that may change flags, when secured
 * @param entitlementRole the role also needed to delete or disable an entitlement flag, or
 * change its kind, when secured
 * @param rolloutStep the largest change of a flag's {@code rollout}, in percentage points, made
 * without confirmation
 * @param maxReasonLength the longest reason accepted, in characters
 */
public record FlagWritePolicy(boolean readOnly, boolean writesEnabled, boolean secured, String readRole,
		String writeRole, String entitlementRole, BigDecimal rolloutStep, int maxReasonLength) {

	/** The default read role. */
	public static final String DEFAULT_READ_ROLE = "FLAGS_READ";

	/** The default write role. */
	public static final String DEFAULT_WRITE_ROLE = "FLAGS_WRITE";

	/** The default entitlement role. */
	public static final String DEFAULT_ENTITLEMENT_ROLE = "FLAGS_ENTITLEMENTS";

	/** The default rollout step. */
	public static final BigDecimal DEFAULT_ROLLOUT_STEP = BigDecimal.valueOf(50);

	/** The default longest reason. */
	public static final int DEFAULT_MAX_REASON_LENGTH = 1000;

	/**
	 * Writes allowed to anyone, with the default confirmation rules: for an application that
	 * secures its endpoints by other means, and for tests.
	 * @return the policy
	 */
	public static FlagWritePolicy open() {
		return new FlagWritePolicy(false, true, false, DEFAULT_READ_ROLE, DEFAULT_WRITE_ROLE, DEFAULT_ENTITLEMENT_ROLE,
				DEFAULT_ROLLOUT_STEP, DEFAULT_MAX_REASON_LENGTH);
	}

}
