package dev.flags.core.audit;

/**
 * Reads a store's audit log: the records its writes appended, newest first, a page at a time.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface AuditLog {

	/**
	 * Reads one page of records.
	 * @param query which records
	 * @return the page, newest first
	 * @throws IllegalArgumentException when the query's {@code before} is not an id of this log
	 * @throws RuntimeException when the log cannot be read (a store's own exception)
	 */
	AuditPage read(AuditQuery query);

	/**
	 * The log of a store that keeps none: always empty.
	 * @return the empty log
	 */
	static AuditLog none() {
		return (query) -> AuditPage.empty();
	}

}
