package dev.flags.core.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Who makes a change to a flag, when, and why: passed with every write, and kept in the audit
 * record the store writes with the change.
 *
 * @param actor who makes the change: the authenticated principal's name, or a system actor for
 * changes the application makes on its own
 * @param reason why, as given by the actor, or null when none was given
 * @param time when the change was asked for
 * @param requestId the id of the request that asked for it, to find it in other logs, or null
 */
public record Change(String actor, @Nullable String reason, Instant time, @Nullable String requestId) {

	/** The actor of changes made without one, such as writes through the store API alone. */
	public static final String SYSTEM_ACTOR = "system";

	/**
	 * Creates a change.
	 * @param actor who makes it, not blank
	 * @param reason why, or null
	 * @param time when
	 * @param requestId the request's id, or null
	 */
	public Change {
		if (actor.isBlank()) {
			throw new IllegalArgumentException("The actor of a change must not be blank");
		}
	}

	/**
	 * A change made now.
	 * @param actor who makes it
	 * @param reason why, or null
	 * @return the change
	 */
	public static Change by(String actor, @Nullable String reason) {
		return new Change(actor, reason, Instant.now(), null);
	}

	/**
	 * A change the application makes on its own, attributed to {@value #SYSTEM_ACTOR}.
	 * @param time when
	 * @return the change
	 */
	public static Change system(Instant time) {
		return new Change(SYSTEM_ACTOR, null, time, null);
	}

}
