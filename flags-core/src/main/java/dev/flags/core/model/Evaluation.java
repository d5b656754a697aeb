package dev.flags.core.model;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of evaluating one flag for one context (spec §4).
 *
 * @param enabled whether the flag is on for the context
 * @param variant the variant served, or null when the flag is off or has no variants
 * @param reason why the evaluation came out so
 * @param rule the index of the deciding rule, or null when no rule decided
 */
public record Evaluation(boolean enabled, @Nullable String variant, Reason reason, @Nullable Integer rule) {

	/**
	 * The evaluation served when a flag is missing or broken: the caller's default.
	 * @param defaultEnabled the caller's default state
	 * @param defaultVariant the caller's default variant
	 * @param reason {@link Reason#FLAG_NOT_FOUND} or {@link Reason#ERROR}
	 * @return the default evaluation
	 */
	public static Evaluation ofDefault(boolean defaultEnabled, @Nullable String defaultVariant, Reason reason) {
		return new Evaluation(defaultEnabled, defaultVariant, reason, null);
	}

	/**
	 * The variant served, or the given fallback when none was.
	 * @param fallback what to return when no variant was served
	 * @return the variant or the fallback
	 */
	public String variantOr(String fallback) {
		return (this.variant != null) ? this.variant : fallback;
	}

}
