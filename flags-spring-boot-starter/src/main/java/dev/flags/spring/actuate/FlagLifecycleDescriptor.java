package dev.flags.spring.actuate;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flags.core.lifecycle.FlagLifecycle;
import dev.flags.core.lifecycle.StaleFlag;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle of one flag, in the {@code flags} endpoint's list.
 *
 * @param state {@code FULLY_ON}, {@code FULLY_OFF} or {@code PARTIAL}
 * @param updatedAt when the flag was last written through the store, when known
 * @param updatedBy who last wrote it through the store (the actor of the change), when known
 * @param fullyOnSince since when it has been fully on, when it is and that is known
 * @param fullyOffSince since when it has been fully off, when it is and that is known
 * @param lastEvaluated when this instance last evaluated it, if it did since it started
 * @param referenced whether the application references it: a {@code @FeatureFlag}, or a call
 * seen so far
 * @param stale why it is due for removal, or null (left out) when it is not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlagLifecycleDescriptor(String state, @Nullable String updatedAt, @Nullable String updatedBy,
		@Nullable String fullyOnSince,
		@Nullable String fullyOffSince, @Nullable String lastEvaluated, boolean referenced,
		@Nullable StaleDescriptor stale) {

	static FlagLifecycleDescriptor of(FlagLifecycle lifecycle) {
		StaleFlag stale = lifecycle.stale();
		return new FlagLifecycleDescriptor(lifecycle.state().name(), text(lifecycle.updatedAt()), lifecycle.updatedBy(),
				text(lifecycle.fullyOnSince()), text(lifecycle.fullyOffSince()), text(lifecycle.lastEvaluated()),
				lifecycle.referenced(),
				(stale != null) ? new StaleDescriptor(stale.reason().name(), stale.description(), stale.action())
						: null);
	}

	static @Nullable String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * Why a flag is due for removal.
	 *
	 * @param reason {@code NOT_EVALUATED}, {@code CONCLUDED}, {@code FULLY_ON}, {@code FULLY_OFF}
	 * or {@code EXPIRED}: the first that applies
	 * @param description every reason that applies, in plain words
	 * @param action what to do about it
	 */
	public record StaleDescriptor(String reason, String description, String action) {

	}

}
