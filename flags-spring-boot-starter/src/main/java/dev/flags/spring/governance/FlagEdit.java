package dev.flags.spring.governance;

import java.math.BigDecimal;

import dev.flags.core.model.Flag;
import org.jspecify.annotations.Nullable;

/**
 * What a write does to a flag.
 */
public sealed interface FlagEdit {

	/**
	 * The flag after the edit.
	 * @param current the flag as stored, or null when there is none (only {@link Replace} accepts
	 * that)
	 * @return the new definition, or null when the flag is deleted
	 */
	@Nullable Flag apply(@Nullable Flag current);

	/**
	 * Creates or replaces the whole definition.
	 * @param flag the new definition
	 * @return the edit
	 */
	static FlagEdit replace(Flag flag) {
		return new Replace(flag);
	}

	/**
	 * Turns the flag on or off.
	 * @param enabled the new state
	 * @return the edit
	 */
	static FlagEdit enabled(boolean enabled) {
		return new Adjust(enabled, null);
	}

	/**
	 * Sets the flag's rollout.
	 * @param rollout the percentage
	 * @return the edit
	 */
	static FlagEdit rollout(BigDecimal rollout) {
		return new Adjust(null, rollout);
	}

	/**
	 * Sets the enabled state, the rollout, or both.
	 * @param enabled the new state, or null to keep it
	 * @param rollout the new rollout, or null to keep it
	 * @return the edit
	 */
	static FlagEdit change(@Nullable Boolean enabled, @Nullable BigDecimal rollout) {
		return new Adjust(enabled, rollout);
	}

	/**
	 * Deletes the flag.
	 * @return the edit
	 */
	static FlagEdit delete() {
		return new Delete();
	}

	/**
	 * The whole definition, created or replaced.
	 *
	 * @param flag the new definition
	 */
	record Replace(Flag flag) implements FlagEdit {

		@Override
		public Flag apply(@Nullable Flag current) {
			return this.flag;
		}

	}

	/**
	 * The enabled state, the rollout, or both.
	 *
	 * @param enabled the new state, or null to keep it
	 * @param rollout the new rollout, or null to keep it
	 */
	record Adjust(@Nullable Boolean enabled, @Nullable BigDecimal rollout) implements FlagEdit {

		@Override
		public Flag apply(@Nullable Flag current) {
			if (current == null) {
				throw new IllegalArgumentException("Only an existing flag can be switched or ramped");
			}
			Flag.Builder builder = current.toBuilder();
			if (this.enabled != null) {
				builder.enabled(this.enabled);
			}
			if (this.rollout != null) {
				builder.rollout(this.rollout);
			}
			return builder.build();
		}

	}

	/**
	 * A deletion.
	 */
	record Delete() implements FlagEdit {

		@Override
		public @Nullable Flag apply(@Nullable Flag current) {
			return null;
		}

	}

}
