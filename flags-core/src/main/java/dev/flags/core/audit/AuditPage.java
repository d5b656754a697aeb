package dev.flags.core.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of audit records, newest first.
 *
 * @param records the records
 * @param next the id to pass as {@link AuditQuery#before()} to read the next page, or null when
 * there are no older records
 */
public record AuditPage(List<AuditRecord> records, @Nullable String next) {

	/**
	 * Creates a page.
	 * @param records the records
	 * @param next the cursor of the next page
	 */
	public AuditPage {
		records = List.copyOf(records);
	}

	/**
	 * A page with no records and none after it.
	 * @return the empty page
	 */
	public static AuditPage empty() {
		return new AuditPage(List.of(), null);
	}

}
