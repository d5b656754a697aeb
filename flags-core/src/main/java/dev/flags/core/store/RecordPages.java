package dev.flags.core.store;

import java.util.ArrayList;
import java.util.List;

import dev.flags.core.audit.AuditPage;
import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;
import org.jspecify.annotations.Nullable;

/**
 * Pages through audit records whose ids are numbers that grow with every record, as the
 * in-memory and the file store give them.
 */
final class RecordPages {

	private RecordPages() {
	}

	/**
	 * One page of records, newest first.
	 * @param oldestFirst the records, in the order they were written
	 * @param query which records
	 * @return the page
	 * @throws IllegalArgumentException when the query's {@code before} is not a number
	 */
	static AuditPage page(List<AuditRecord> oldestFirst, AuditQuery query) {
		long before = (query.before() != null) ? id(query.before()) : Long.MAX_VALUE;
		List<AuditRecord> page = new ArrayList<>();
		for (int i = oldestFirst.size() - 1; i >= 0; i--) {
			AuditRecord record = oldestFirst.get(i);
			if (Long.parseLong(record.id()) >= before || !query.matches(record)) {
				continue;
			}
			if (page.size() == query.limit()) {
				return new AuditPage(page, page.get(page.size() - 1).id());
			}
			page.add(record);
		}
		return new AuditPage(page, null);
	}

	private static long id(@Nullable String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + id + "' is not the id of an audit record of this store", ex);
		}
	}

}
