package dev.flags.core.store;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.Change;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import org.jspecify.annotations.Nullable;

/**
 * Audits the changes made to a {@link FileFlagStore}'s document by hand, outside the store: each
 * flag whose definition differs from what its last applied audit record says it became is
 * recorded as changed by the store's system actor. A flag the log knows nothing of is compared
 * with the document the store read before, when there is one. Called with the file lock held and
 * the document just read under it, so that every process records each edit once, however many
 * notice it.
 */
final class ExternalEdits {

	private ExternalEdits() {
	}

	/**
	 * Appends a record for every flag edited by hand.
	 * @param file the audit file
	 * @param document the document, as read under the file lock
	 * @param hash the hash of the document's file
	 * @param previous the document the store read before, or null when it read none
	 * @param change who is held to have made the edits, when, and why
	 */
	static void record(AuditFile file, Definitions document, String hash, @Nullable Definitions previous,
			Change change) throws IOException {
		List<AuditLines.Parsed> lines = AuditLines.parse(file.read());
		if (lines.isEmpty() && previous == null) {
			return;
		}
		Map<String, AuditLines.After> audited = audited(lines, hash);
		Set<String> keys = new LinkedHashSet<>();
		document.flags().forEach((flag) -> keys.add(flag.key()));
		keys.addAll(new TreeSet<>(audited.keySet()));
		if (previous != null) {
			previous.flags().forEach((flag) -> keys.add(flag.key()));
		}
		for (String key : keys) {
			Flag now = document.flag(key).orElse(null);
			AuditLines.After known = audited.get(key);
			if (known == null && previous == null) {
				continue;
			}
			Flag before = (known != null) ? known.flag() : previous.flag(key).orElse(null);
			if (!Objects.equals(before, now)) {
				file.append(AuditLines.line(AuditRecord.of("", before, now, change), now, hash, hash));
			}
		}
	}

	static Change change(String actor, String fileName, Instant time) {
		return new Change(actor, "changed in " + fileName + " outside the store's write path", time, null);
	}

	/** What each flag became by its last applied record, for the flags whose records say so. */
	private static Map<String, AuditLines.After> audited(List<AuditLines.Parsed> lines, String hash) {
		boolean[] unapplied = AuditLines.unapplied(lines, hash);
		Map<String, AuditLines.After> audited = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			if (unapplied[i]) {
				continue;
			}
			AuditLines.Parsed line = lines.get(i);
			if (line.after() != null) {
				audited.put(line.record().flag(), line.after());
			}
			else {
				audited.remove(line.record().flag());
			}
		}
		return audited;
	}

}
