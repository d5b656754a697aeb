package dev.flags.core.lifecycle;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import dev.flags.core.model.Flag;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Variant;

/**
 * Whether a flag decides the same for everyone, read from its definition alone: the one place
 * that says what "fully on" and "fully off" mean. Conditions are not analysed, so a flag is only
 * called fully on or off when no rule, list or percentage could decide otherwise for anyone.
 */
public enum FlagState {

	/**
	 * On for everyone, with the same variant: enabled, rollout 100, no {@code exclude}, every rule
	 * serving 100 % or a variant, and at most one variant anyone can get (the first, any with a
	 * weight above 0, and any a rule names).
	 */
	FULLY_ON,

	/**
	 * Off for everyone: disabled; or rollout 0 with no {@code include} key that is not also
	 * excluded and every rule serving an explicit rollout of 0.
	 */
	FULLY_OFF,

	/**
	 * On for some and off for others, or split between variants.
	 */
	PARTIAL;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * The state of a flag.
	 * @param flag the definition
	 * @return its state
	 */
	public static FlagState of(Flag flag) {
		if (!flag.enabled()) {
			return FULLY_OFF;
		}
		if (isFullyOn(flag)) {
			return FULLY_ON;
		}
		return isFullyOff(flag) ? FULLY_OFF : PARTIAL;
	}

	private static boolean isFullyOn(Flag flag) {
		if (flag.rollout().compareTo(HUNDRED) < 0 || !flag.exclude().isEmpty()) {
			return false;
		}
		for (Rule rule : flag.rules()) {
			if (rule.variant() == null && rule.rollout() != null && rule.rollout().compareTo(HUNDRED) < 0) {
				return false;
			}
		}
		return servableVariants(flag).size() <= 1;
	}

	private static Set<String> servableVariants(Flag flag) {
		Set<String> names = new HashSet<>();
		if (flag.variants().isEmpty()) {
			return names;
		}
		// A context without a unit gets the first variant, whatever its weight.
		names.add(flag.variants().get(0).name());
		for (Variant variant : flag.variants()) {
			if (variant.weight().signum() > 0) {
				names.add(variant.name());
			}
		}
		for (Rule rule : flag.rules()) {
			if (rule.variant() != null) {
				names.add(rule.variant());
			}
		}
		return names;
	}

	private static boolean isFullyOff(Flag flag) {
		if (flag.rollout().signum() > 0 || !flag.exclude().containsAll(flag.include())) {
			return false;
		}
		for (Rule rule : flag.rules()) {
			if (rule.variant() != null || rule.rollout() == null || rule.rollout().signum() > 0) {
				return false;
			}
		}
		return true;
	}

}
