package dev.flags.core.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flags.core.json.PlainJson;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of audit records, one object per record:
 * <pre>{"time":"2026-11-30T10:15:30Z","type":"ROLLOUT_CHANGED","flag":"new-checkout","actor":"alice",
 * "reason":"ramp up","requestId":"…","versionBefore":3,"versionAfter":4,
 * "changes":[{"field":"rollout","before":25,"after":50}]}</pre>
 * {@code reason} and {@code requestId} are left out when absent. A file keeps one record per line
 * (JSON Lines); the record's id is where the log keeps it and is not part of the line.
 */
public final class AuditJson {

	private AuditJson() {
	}

	/**
	 * A record as one line of JSON, without its id.
	 * @param record the record
	 * @return the JSON text, without line breaks
	 */
	public static String line(AuditRecord record) {
		Map<String, @Nullable Object> map = toMap(record);
		map.remove("id");
		return PlainJson.write(map);
	}

	/**
	 * A record as plain values, its id included, as an API shows it.
	 * @param record the record
	 * @return the fields, in a stable order
	 */
	public static Map<String, @Nullable Object> toMap(AuditRecord record) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		map.put("id", record.id());
		map.put("time", record.time().toString());
		map.put("type", record.type().name());
		map.put("flag", record.flag());
		map.put("actor", record.actor());
		if (record.reason() != null) {
			map.put("reason", record.reason());
		}
		if (record.requestId() != null) {
			map.put("requestId", record.requestId());
		}
		map.put("versionBefore", record.versionBefore());
		map.put("versionAfter", record.versionAfter());
		map.put("changes", changeMaps(record.changes()));
		return map;
	}

	/**
	 * The changed fields as a JSON array of {@code {"field", "before", "after"}} objects.
	 * @param changes the changed fields
	 * @return the JSON text
	 */
	public static String changes(List<FieldChange> changes) {
		return PlainJson.write(changeMaps(changes));
	}

	/**
	 * Reads a record from its line.
	 * @param id the id its log gives it
	 * @param line the JSON text
	 * @return the record
	 * @throws IllegalArgumentException when the line is not a record
	 */
	public static AuditRecord read(String id, String line) {
		if (!(PlainJson.read(line) instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("An audit record must be a JSON object");
		}
		AuditRecord.Type type;
		try {
			type = AuditRecord.Type.valueOf(text(map, "type"));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown audit record type '" + map.get("type") + "'", ex);
		}
		Instant time;
		try {
			time = Instant.parse(text(map, "time"));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Audit record 'time' is not an ISO-8601 instant", ex);
		}
		return new AuditRecord(id, type, text(map, "flag"), text(map, "actor"), time, optionalText(map, "reason"),
				optionalText(map, "requestId"), number(map, "versionBefore"), number(map, "versionAfter"),
				readChanges(map.get("changes")));
	}

	/**
	 * Reads changed fields from their JSON array.
	 * @param json the JSON text
	 * @return the changed fields
	 * @throws IllegalArgumentException when the text is not such an array
	 */
	public static List<FieldChange> readChanges(String json) {
		return readChanges(PlainJson.read(json));
	}

	private static List<FieldChange> readChanges(@Nullable Object value) {
		if (!(value instanceof List<?> list)) {
			throw new IllegalArgumentException("Audit record 'changes' must be an array");
		}
		List<FieldChange> changes = new ArrayList<>();
		for (Object element : list) {
			if (!(element instanceof Map<?, ?> change)) {
				throw new IllegalArgumentException("Each of an audit record's 'changes' must be an object");
			}
			changes.add(new FieldChange(text(change, "field"), change.get("before"), change.get("after")));
		}
		return changes;
	}

	private static List<Map<String, @Nullable Object>> changeMaps(List<FieldChange> changes) {
		List<Map<String, @Nullable Object>> maps = new ArrayList<>();
		for (FieldChange change : changes) {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			map.put("field", change.field());
			map.put("before", change.before());
			map.put("after", change.after());
			maps.add(map);
		}
		return maps;
	}

	private static String text(Map<?, ?> map, String field) {
		String value = optionalText(map, field);
		if (value == null) {
			throw new IllegalArgumentException("Audit record '" + field + "' is required");
		}
		return value;
	}

	private static @Nullable String optionalText(Map<?, ?> map, String field) {
		Object value = map.get(field);
		if (value != null && !(value instanceof String)) {
			throw new IllegalArgumentException("Audit record '" + field + "' must be a string");
		}
		return (String) value;
	}

	private static long number(Map<?, ?> map, String field) {
		if (!(map.get(field) instanceof Number number)) {
			throw new IllegalArgumentException("Audit record '" + field + "' must be a number");
		}
		return number.longValue();
	}

}
