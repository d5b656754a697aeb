package dev.flags.core.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * The times of the lifecycle metadata: read as an ISO-8601 date ({@code 2027-01-31}, its midnight
 * UTC, as the spec reads dates) or an instant with an offset ({@code 2026-11-01T09:00:00Z});
 * written as an instant in UTC, to the second.
 */
final class Timestamps {

	private Timestamps() {
	}

	static @Nullable Instant parse(@Nullable Object value) {
		if (!(value instanceof String text) || text.isEmpty()) {
			return null;
		}
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static String format(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	static String day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
	}

}
