package dev.flags.core.lifecycle;

import java.time.Instant;

import dev.flags.core.model.FlagKind;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle of one flag, as a {@link LifecycleReport} shows it.
 *
 * @param key the flag key
 * @param kind what the flag is for
 * @param state whether it is fully on, fully off, or neither
 * @param createdAt when it was created, when known
 * @param updatedAt when it was last written through a store, when known
 * @param updatedBy who last wrote it through a store (the actor of the change), when known
 * @param fullyOnSince since when it has been fully on, when it is and that is known
 * @param fullyOffSince since when it has been fully off, when it is and that is known
 * @param expiresAt when it is due for removal, when set
 * @param lastEvaluated when this application last evaluated it, when it did since it started
 * @param referenced whether this application references it, in its code or in a call seen so far
 * @param stale why it is due for removal, or null when it is not
 */
public record FlagLifecycle(String key, FlagKind kind, FlagState state, @Nullable Instant createdAt,
		@Nullable Instant updatedAt, @Nullable String updatedBy, @Nullable Instant fullyOnSince, @Nullable Instant fullyOffSince,
		@Nullable Instant expiresAt, @Nullable Instant lastEvaluated, boolean referenced, @Nullable StaleFlag stale) {

}
