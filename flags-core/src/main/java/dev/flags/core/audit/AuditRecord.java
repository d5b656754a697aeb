package dev.flags.core.audit;

import java.time.Instant;
import java.util.List;

import dev.flags.core.model.Flag;
import org.jspecify.annotations.Nullable;

/**
 * What one write did to one flag: written by the store together with the change, so that the
 * two never diverge.
 *
 * @param id the record's id in its log, assigned by the store; empty for a record that no log
 * keeps
 * @param type what kind of change it was
 * @param flag the flag's key
 * @param actor who made the change
 * @param time when the change was made
 * @param reason why, as the actor gave it, or null
 * @param requestId the id of the request that made it, or null
 * @param versionBefore the flag's version before the change; 0 when it did not exist
 * @param versionAfter the flag's version after the change; 0 when it was deleted
 * @param changes the fields that changed, with their old and new values
 */
public record AuditRecord(String id, Type type, String flag, String actor, Instant time, @Nullable String reason,
		@Nullable String requestId, long versionBefore, long versionAfter, List<FieldChange> changes) {

	/**
	 * Creates a record.
	 * @param id the id
	 * @param type the kind of change
	 * @param flag the flag key
	 * @param actor who
	 * @param time when
	 * @param reason why
	 * @param requestId the request
	 * @param versionBefore the version before
	 * @param versionAfter the version after
	 * @param changes the changed fields
	 */
	public AuditRecord {
		changes = List.copyOf(changes);
	}

	/**
	 * The record of a write that replaced {@code before} with {@code after}.
	 * @param id the id the store gives the record
	 * @param before the flag before the write, or null when it created the flag
	 * @param after the flag after the write, or null when it deleted the flag
	 * @param change who, when and why
	 * @return the record
	 */
	public static AuditRecord of(String id, @Nullable Flag before, @Nullable Flag after, Change change) {
		if (before == null && after == null) {
			throw new IllegalArgumentException("A change has a flag before it, after it, or both");
		}
		String key = (after != null) ? after.key() : before.key();
		List<FieldChange> changes = FlagDiff.changes(before, after);
		return new AuditRecord(id, FlagDiff.type(before, after, changes), key, change.actor(), change.time(),
				change.reason(), change.requestId(), (before != null) ? before.currentVersion() : 0,
				(after != null) ? after.currentVersion() : 0, changes);
	}

	/**
	 * This record with another id.
	 * @param id the id
	 * @return the record
	 */
	public AuditRecord withId(String id) {
		return new AuditRecord(id, this.type, this.flag, this.actor, this.time, this.reason, this.requestId,
				this.versionBefore, this.versionAfter, this.changes);
	}

	/**
	 * The names of the fields that changed.
	 * @return the field names, in the order of {@link #changes()}
	 */
	public List<String> changedFields() {
		return this.changes.stream().map(FieldChange::field).toList();
	}

	/**
	 * The kinds of change.
	 */
	public enum Type {

		/** The flag was created. */
		CREATED,

		/** The flag was changed in more than one way, or in a way no other type names. */
		UPDATED,

		/** Only {@code enabled} changed, to true. */
		ENABLED,

		/** Only {@code enabled} changed, to false. */
		DISABLED,

		/** Only {@code rollout} changed. */
		ROLLOUT_CHANGED,

		/** The flag was deleted. */
		DELETED

	}

}
