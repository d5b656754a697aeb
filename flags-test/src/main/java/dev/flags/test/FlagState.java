package dev.flags.test;

import java.util.List;

import dev.flags.core.model.Flag;
import dev.flags.core.model.Variant;
import org.jspecify.annotations.Nullable;

/**
 * A state a test forces a flag into: on, off, or on with a given variant.
 * <p>
 * A forced flag is evaluated as an equivalent definition, so the code under test sees exactly
 * what it would see in production with the flag configured that way, and no reason outside the
 * spec appears: forced off is the flag disabled (reason {@code DISABLED}); forced on is the flag
 * rolled out to 100 % with no include or exclude list and no rule (reason {@code ROLLOUT}, its
 * variants bucketed as usual); a forced variant is the flag rolled out to 100 % with that variant
 * alone (reason {@code ROLLOUT}).
 *
 * @param enabled whether the flag is on
 * @param variant the variant served, or null to keep the flag's own variants
 */
public record FlagState(boolean enabled, @Nullable String variant) {

	private static final FlagState ON = new FlagState(true, null);

	private static final FlagState OFF = new FlagState(false, null);

	/**
	 * Creates a state.
	 * @param enabled whether the flag is on
	 * @param variant the variant served, or null to keep the flag's own variants
	 * @throws IllegalArgumentException when a variant is given for a flag that is off, or is blank
	 */
	public FlagState {
		if (variant != null) {
			if (variant.isBlank()) {
				throw new IllegalArgumentException("A forced variant must not be blank");
			}
			if (!enabled) {
				throw new IllegalArgumentException(
						"A flag that is off serves no variant; force variant '" + variant + "' with the flag on");
			}
		}
	}

	/**
	 * The flag on.
	 * @return the state
	 */
	public static FlagState on() {
		return ON;
	}

	/**
	 * The flag off.
	 * @return the state
	 */
	public static FlagState off() {
		return OFF;
	}

	/**
	 * The flag on, serving one variant.
	 * @param variant the variant's name
	 * @return the state
	 */
	public static FlagState variant(String variant) {
		return new FlagState(true, variant);
	}

	/**
	 * The definition that gives this state.
	 * @param flag the flag's definition, or a new flag for one that is not defined
	 * @return the definition forced into this state
	 */
	Flag applyTo(Flag flag) {
		if (!this.enabled) {
			return flag.withEnabled(false);
		}
		Flag.Builder forced = flag.toBuilder()
			.enabled(true)
			.include(List.of())
			.exclude(List.of())
			.rules(List.of())
			.rollout(100);
		if (this.variant != null) {
			forced.variants(Variant.of(this.variant, 100));
		}
		return forced.build();
	}

	/**
	 * How the state reads in display names: {@code on}, {@code off} or the variant's name.
	 * @return the state's name
	 */
	@Override
	public String toString() {
		if (this.variant != null) {
			return this.variant;
		}
		return this.enabled ? "on" : "off";
	}

}
