package dev.flags.spring.governance;

import org.jspecify.annotations.Nullable;

/**
 * The terms of a write, besides the edit: who asks, on which version it is based, why, and
 * whether a high-impact change is confirmed.
 *
 * @param caller who asks
 * @param expectedVersion the version of the flag the write is based on (0 to create it); a write
 * without one is refused
 * @param reason why, or null
 * @param confirmed whether the caller confirms a high-impact change
 * @param requestId the id of the request, for the audit record, or null
 */
public record FlagWriteRequest(Caller caller, @Nullable Long expectedVersion, @Nullable String reason,
		boolean confirmed, @Nullable String requestId) {

}
