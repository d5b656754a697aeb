package dev.flags.core.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.flags.core.json.PlainJson;
import dev.flags.core.lifecycle.FlagHistory;
import dev.flags.core.model.Flag;
import org.jspecify.annotations.Nullable;

/**
 * How two definitions of a flag differ, field by field of the flag's JSON (spec §1), so that
 * every field the codec writes is compared, unknown fields included. What the store maintains
 * itself is left out: the {@code version} (a record keeps it as its versions before and after),
 * and the history fields of the lifecycle ({@code updatedAt}, {@code updatedBy}, {@code fullyOnSince},
 * {@code fullyOffSince}, and {@code createdAt}, which the store fills in).
 */
public final class FlagDiff {

	/** Fields the store maintains itself: they follow a change, they are not one. */
	private static final Set<String> MAINTAINED = Set.of("version", "createdAt", FlagHistory.UPDATED_AT,
			FlagHistory.UPDATED_BY, FlagHistory.FULLY_ON_SINCE, FlagHistory.FULLY_OFF_SINCE);

	private FlagDiff() {
	}

	/**
	 * The fields whose values differ.
	 * @param before the flag before the change, or null when there was none
	 * @param after the flag after it, or null when there is none
	 * @return the changed fields, in the order the flag's JSON lists them
	 */
	public static List<FieldChange> changes(@Nullable Flag before, @Nullable Flag after) {
		Map<String, @Nullable Object> old = (before != null) ? PlainJson.flag(before) : Map.of();
		Map<String, @Nullable Object> now = (after != null) ? PlainJson.flag(after) : Map.of();
		Set<String> fields = new LinkedHashSet<>(now.keySet());
		fields.addAll(old.keySet());
		List<FieldChange> changes = new ArrayList<>();
		for (String field : fields) {
			if (!MAINTAINED.contains(field) && !Objects.equals(old.get(field), now.get(field))) {
				changes.add(new FieldChange(field, old.get(field), now.get(field)));
			}
		}
		return changes;
	}

	/**
	 * The kind of a change.
	 * @param before the flag before the change, or null
	 * @param after the flag after it, or null
	 * @param changes the changed fields, as {@link #changes} found them
	 * @return {@code CREATED} or {@code DELETED} when the flag appeared or went, {@code ENABLED},
	 * {@code DISABLED} or {@code ROLLOUT_CHANGED} when only that field changed, else {@code UPDATED}
	 */
	public static AuditRecord.Type type(@Nullable Flag before, @Nullable Flag after, List<FieldChange> changes) {
		if (before == null) {
			return AuditRecord.Type.CREATED;
		}
		if (after == null) {
			return AuditRecord.Type.DELETED;
		}
		if (changes.size() == 1) {
			String field = changes.get(0).field();
			if ("enabled".equals(field)) {
				return after.enabled() ? AuditRecord.Type.ENABLED : AuditRecord.Type.DISABLED;
			}
			if ("rollout".equals(field)) {
				return AuditRecord.Type.ROLLOUT_CHANGED;
			}
		}
		return AuditRecord.Type.UPDATED;
	}

}
