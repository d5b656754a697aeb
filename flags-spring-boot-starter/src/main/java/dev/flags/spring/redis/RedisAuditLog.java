package dev.flags.spring.redis;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.flags.core.audit.AuditJson;
import dev.flags.core.audit.AuditLog;
import dev.flags.core.audit.AuditPage;
import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.FieldChange;
import dev.flags.core.audit.FlagDiff;
import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.stream.MapRecord;

/**
 * The audit log of a {@link RedisFlagStore}: the flags' records in its audit stream, read newest
 * first with {@code XREVRANGE}. Records written before the stream held {@code change},
 * {@code changes} and {@code actor} are completed from their {@code before} and {@code after}
 * JSON, their actor {@value #UNKNOWN_ACTOR}.
 */
final class RedisAuditLog implements AuditLog {

	static final String UNKNOWN_ACTOR = "unknown";

	private static final Pattern STREAM_ID = Pattern.compile("[0-9]{1,20}-[0-9]{1,20}");

	// Entries read per round trip while looking for one flag's records.
	private static final int BATCH = 200;

	private final RedisCommands commands;

	private final RedisKeys keys;

	RedisAuditLog(RedisCommands commands, RedisKeys keys) {
		this.commands = commands;
		this.keys = keys;
	}

	@Override
	public AuditPage read(AuditQuery query) {
		String before = query.before();
		if (before != null && !STREAM_ID.matcher(before).matches()) {
			throw new IllegalArgumentException("'" + before + "' is not the id of an entry of the audit stream "
					+ this.keys.audit() + " (ids look like 1764497730000-0)");
		}
		List<AuditRecord> found = new ArrayList<>();
		String upTo = before;
		// One more than a page is looked for: whether it exists says whether there is a next page.
		reading: while (true) {
			List<MapRecord<String, Object, Object>> entries = this.commands.auditEntries(upTo, BATCH);
			for (MapRecord<String, Object, Object> entry : entries) {
				String id = entry.getId().getValue();
				// The range is inclusive: its upper end was the cursor, or read in the last round.
				if (id.equals(upTo)) {
					continue;
				}
				AuditRecord record = record(id, entry.getValue());
				if (record != null && query.matches(record)) {
					found.add(record);
					if (found.size() > query.limit()) {
						break reading;
					}
				}
			}
			if (entries.size() < BATCH) {
				break;
			}
			upTo = entries.get(entries.size() - 1).getId().getValue();
		}
		if (found.size() > query.limit()) {
			List<AuditRecord> page = found.subList(0, query.limit());
			return new AuditPage(page, page.get(page.size() - 1).id());
		}
		return new AuditPage(found, null);
	}

	/** The record of a flag's write, or null for an entry that is not one (seeding) or is damaged. */
	static @Nullable AuditRecord record(String id, Map<Object, Object> fields) {
		String type = text(fields, "type");
		String key = text(fields, "key");
		if (key == null || !("SAVED".equals(type) || "DELETED".equals(type))) {
			return null;
		}
		try {
			Flag before = flag(text(fields, "before"));
			Flag after = flag(text(fields, "after"));
			String changes = text(fields, "changes");
			List<FieldChange> changed = (changes != null) ? AuditJson.readChanges(changes)
					: FlagDiff.changes(before, after);
			String change = text(fields, "change");
			AuditRecord.Type kind = (change != null) ? AuditRecord.Type.valueOf(change)
					: FlagDiff.type(before, after, changed);
			String actor = text(fields, "actor");
			return new AuditRecord(id, kind, key, (actor != null && !actor.isBlank()) ? actor : UNKNOWN_ACTOR,
					Instant.parse(String.valueOf(text(fields, "time"))), text(fields, "reason"),
					text(fields, "requestId"), Long.parseLong(String.valueOf(text(fields, "versionBefore"))),
					Long.parseLong(String.valueOf(text(fields, "versionAfter"))), changed);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			// Written by hand, or damaged: the other records still count.
			return null;
		}
	}

	private static @Nullable Flag flag(@Nullable String json) {
		if (json == null) {
			return null;
		}
		try {
			return DefinitionsCodec.readFlag(json);
		}
		catch (InvalidDefinitionsException ex) {
			return null;
		}
	}

	private static @Nullable String text(Map<Object, Object> fields, String name) {
		Object value = fields.get(name);
		return (value != null) ? value.toString() : null;
	}

}
