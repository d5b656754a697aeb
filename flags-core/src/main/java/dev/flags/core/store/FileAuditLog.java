package dev.flags.core.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.flags.core.audit.AuditLog;
import dev.flags.core.audit.AuditPage;
import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;

/**
 * The audit log of a {@link FileFlagStore}: its JSON lines file, read whole on every query.
 * <p>
 * A record is appended before the definitions file is replaced, so a crash between the two (or a
 * failed replace) leaves a record of a change that never happened. Such a record is recognised
 * and left out (see {@link AuditLines#unapplied}). Lines that cannot be read (a line torn by a
 * crash) are left out too.
 */
final class FileAuditLog implements AuditLog {

	private final AuditFile file;

	private final Supplier<String> currentHash;

	FileAuditLog(AuditFile file, Supplier<String> currentHash) {
		this.file = file;
		this.currentHash = currentHash;
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
		List<AuditLines.Parsed> parsed = AuditLines.parse(lines);
		// Read after the lines: a record whose change lands in between is then seen as applied.
		boolean[] unapplied = AuditLines.unapplied(parsed, this.currentHash.get());
		List<AuditRecord> applied = new ArrayList<>();
		for (int i = 0; i < parsed.size(); i++) {
			if (!unapplied[i]) {
				applied.add(parsed.get(i).record());
			}
		}
		return RecordPages.page(applied, query);
	}

}
