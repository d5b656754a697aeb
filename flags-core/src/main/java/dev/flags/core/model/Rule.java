package dev.flags.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A targeting rule of a flag (spec §1, §4): when all its conditions hold it decides, serving a
 * rollout (default 100 %) or one fixed variant.
 *
 * @param description what the rule is for, for people
 * @param when the conditions, all of which must hold; empty always holds
 * @param rollout the percentage served, or null for the default of 100 (or when a variant is set)
 * @param variant the variant served, or null to serve a rollout
 * @param extra fields of the document this model does not know
 */
public record Rule(@Nullable String description, List<Condition> when, @Nullable BigDecimal rollout,
		@Nullable String variant, Map<String, @Nullable Object> extra) {

	/**
	 * Creates a rule, copying its lists.
	 * @param description what the rule is for
	 * @param when the conditions
	 * @param rollout the percentage served
	 * @param variant the variant served
	 * @param extra unknown fields to keep
	 */
	public Rule {
		rollout = Copies.nullableDecimal(rollout);
		when = Copies.list(when);
		extra = Copies.extra(extra);
	}

	/**
	 * A rule that serves a percentage rollout to contexts that meet all conditions.
	 * @param rollout the percentage, 0 to 100
	 * @param when the conditions
	 * @return the rule
	 */
	public static Rule rollout(double rollout, Condition... when) {
		return new Rule(null, List.of(when), BigDecimal.valueOf(rollout), null, Map.of());
	}

	/**
	 * A rule that serves one variant to contexts that meet all conditions.
	 * @param variant the variant name
	 * @param when the conditions
	 * @return the rule
	 */
	public static Rule variant(String variant, Condition... when) {
		return new Rule(null, List.of(when), null, variant, Map.of());
	}

	/**
	 * The rollout this rule serves, with its default applied.
	 * @return the rollout percentage
	 */
	public BigDecimal effectiveRollout() {
		return (this.rollout != null) ? this.rollout : Flag.HUNDRED;
	}

}
