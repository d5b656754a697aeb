package dev.flags.core.audit;

import org.jspecify.annotations.Nullable;

/**
 * Which audit records to read: newest first, of one flag or of all, a page at a time.
 *
 * @param flag the flag whose records to read, or null for the records of every flag
 * @param before the id of a record: only records older than it are read; null to start with the
 * newest. Pass a page's {@link AuditPage#next()} to read the page after it.
 * @param limit the most records to read, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(@Nullable String flag, @Nullable String before, int limit) {

	/** The most records one page holds. */
	public static final int MAX_LIMIT = 500;

	/** The records a page holds unless asked for another number. */
	public static final int DEFAULT_LIMIT = 50;

	/**
	 * Creates a query.
	 * @param flag the flag, or null for every flag
	 * @param before the record to read on from, or null
	 * @param limit the page size
	 */
	public AuditQuery {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException(
					"The number of audit records to read must be from 1 to " + MAX_LIMIT + " (was " + limit + ")");
		}
	}

	/**
	 * The newest records of every flag.
	 * @param limit the page size
	 * @return the query
	 */
	public static AuditQuery recent(int limit) {
		return new AuditQuery(null, null, limit);
	}

	/**
	 * The newest records of one flag.
	 * @param flag the flag key
	 * @param limit the page size
	 * @return the query
	 */
	public static AuditQuery of(String flag, int limit) {
		return new AuditQuery(flag, null, limit);
	}

	/**
	 * This query, reading on from a record.
	 * @param before the id of the record to read on from, or null to start with the newest
	 * @return the query
	 */
	public AuditQuery before(@Nullable String before) {
		return new AuditQuery(this.flag, before, this.limit);
	}

	/**
	 * Whether a record is of the flag this query asks for.
	 * @param record the record
	 * @return true when it is, or when the query asks for every flag
	 */
	public boolean matches(AuditRecord record) {
		return this.flag == null || this.flag.equals(record.flag());
	}

}
