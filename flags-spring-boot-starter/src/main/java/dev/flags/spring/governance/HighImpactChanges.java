package dev.flags.spring.governance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagKind;
import org.jspecify.annotations.Nullable;

/**
 * The changes that need an explicit confirmation and a reason:
 * <ul>
 * <li>a kill switch turned off (disabled or deleted while enabled);</li>
 * <li>a rollout jump: the flag's {@code rollout} moved by more than the configured step, or a
 * flag created with a rollout above it;</li>
 * <li>any change to an entitlement flag, or one that makes a flag an entitlement;</li>
 * <li>any change to a flag whose definition says {@code "highImpact": true}.</li>
 * </ul>
 */
final class HighImpactChanges {

	static final String HIGH_IMPACT = "highImpact";

	private HighImpactChanges() {
	}

	/**
	 * Why a change needs confirmation.
	 * @param key the flag key
	 * @param before the flag as stored, or null when it is created
	 * @param after the flag after the change, or null when it is deleted
	 * @param rolloutStep the largest rollout change made without confirmation
	 * @return one reason per rule the change falls under; empty when it needs no confirmation
	 */
	static List<String> reasons(String key, @Nullable Flag before, @Nullable Flag after, BigDecimal rolloutStep) {
		List<String> reasons = new ArrayList<>();
		if (before != null && before.kind() == FlagKind.KILL_SWITCH && before.enabled()
				&& (after == null || !after.enabled())) {
			reasons.add("it turns off the kill switch '" + key + "'" + ((after == null) ? " by deleting it" : ""));
		}
		if (after != null) {
			BigDecimal from = (before != null) ? before.rollout() : BigDecimal.ZERO;
			BigDecimal jump = after.rollout().subtract(from).abs();
			if (jump.compareTo(rolloutStep) > 0) {
				reasons.add("it moves the rollout by " + jump.toPlainString() + " points (" + from.toPlainString()
						+ " % to " + after.rollout().toPlainString() + " %), more than the step of "
						+ rolloutStep.toPlainString());
			}
		}
		if (isKind(before, FlagKind.ENTITLEMENT) || isKind(after, FlagKind.ENTITLEMENT)) {
			reasons.add("'" + key + "' is an entitlement flag, which decides what customers are entitled to");
		}
		if (isHighImpact(before) || isHighImpact(after)) {
			reasons.add("the definition of '" + key + "' marks every change to it as high-impact");
		}
		return reasons;
	}

	/**
	 * What is wrong with the {@code highImpact} field of a new definition.
	 * @param flag the flag
	 * @return the reason, or null when the field is absent or a boolean
	 */
	static @Nullable String highImpactProblem(Flag flag) {
		if (!flag.extra().containsKey(HIGH_IMPACT) || flag.extra().get(HIGH_IMPACT) instanceof Boolean) {
			return null;
		}
		return "must be true or false";
	}

	private static boolean isKind(@Nullable Flag flag, FlagKind kind) {
		return flag != null && flag.kind() == kind;
	}

	private static boolean isHighImpact(@Nullable Flag flag) {
		return flag != null && Boolean.TRUE.equals(flag.extra().get(HIGH_IMPACT));
	}

}
