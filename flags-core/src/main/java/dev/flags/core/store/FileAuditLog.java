package dev.flags.core.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.flags.core.audit.AuditJson;
import dev.flags.core.audit.AuditLog;
import dev.flags.core.audit.AuditPage;
import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;

/**
 * The audit log of a {@link FileFlagStore}: its JSON lines file, read whole on every query.
 * <p>
 * A record is appended before the definitions file is replaced, so a crash between the two (or a
 * failed replace) leaves a record of a change that never happened. Such a record is recognised
 * and left out: a later record of the same flag starts again from the same version, or, when it
 * is the flag's last record, the definitions file still shows the flag as it was before it.
 * Lines that cannot be read (a line torn by a crash) are left out too.
 */
final class FileAuditLog implements AuditLog {

	private final AuditFile file;

	private final Supplier<Definitions> document;

	FileAuditLog(AuditFile file, Supplier<Definitions> document) {
		this.file = file;
		this.document = document;
	}

	@Override
	public AuditPage read(AuditQuery query) {
		List<AuditFile.Line> lines;
		try {
			lines = this.file.read();
		}
		catch (IOException ex) {
			throw new FlagStoreException("Cannot read the audit log " + this.file.file() + ": " + ex, ex);
		}
		// Read after the lines: a record whose change lands in between is then seen as applied.
		Definitions current = this.document.get();
		return RecordPages.page(applied(parse(lines), current), query);
	}

	private static List<AuditRecord> parse(List<AuditFile.Line> lines) {
		List<AuditRecord> records = new ArrayList<>();
		for (AuditFile.Line line : lines) {
			try {
				records.add(AuditJson.read(Long.toString(line.offset()), line.text()));
			}
			catch (IllegalArgumentException ex) {
				// A torn or hand-damaged line: the others still count.
			}
		}
		return records;
	}

	static List<AuditRecord> applied(List<AuditRecord> records, Definitions current) {
		boolean[] unapplied = new boolean[records.size()];
		Map<String, Integer> last = new HashMap<>();
		for (int i = 0; i < records.size(); i++) {
			AuditRecord record = records.get(i);
			Integer previous = last.put(record.flag(), i);
			if (previous != null && isWrite(records.get(previous))
					&& records.get(previous).versionBefore() == record.versionBefore()) {
				unapplied[previous] = true;
			}
		}
		for (int i : last.values()) {
			AuditRecord record = records.get(i);
			if (isWrite(record) && showsStateBefore(current, record)) {
				unapplied[i] = true;
			}
		}
		List<AuditRecord> applied = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			if (!unapplied[i]) {
				applied.add(records.get(i));
			}
		}
		return applied;
	}

	/** A write always moves the version: up by one, or to 0 for a deletion. */
	private static boolean isWrite(AuditRecord record) {
		return record.versionBefore() != record.versionAfter();
	}

	private static boolean showsStateBefore(Definitions current, AuditRecord record) {
		Flag flag = current.flag(record.flag()).orElse(null);
		if (record.versionBefore() == 0) {
			return flag == null;
		}
		return flag != null && flag.currentVersion() == record.versionBefore();
	}

}
