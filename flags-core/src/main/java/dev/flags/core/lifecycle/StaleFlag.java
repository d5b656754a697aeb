package dev.flags.core.lifecycle;

import dev.flags.core.model.FlagKind;

/**
 * A temporary flag that is due for removal.
 *
 * @param key the flag key
 * @param kind the flag's kind, always a temporary one
 * @param reason why it is stale; the first of {@link StaleReason}'s order when several apply
 * @param description every reason that applies, in plain words, for example
 * {@code fully on since 2026-06-01 (181 days); past its expiresAt 2026-09-30}
 * @param action what to do about it, for example {@code remove the flag and its off path}
 */
public record StaleFlag(String key, FlagKind kind, StaleReason reason, String description, String action) {

}
