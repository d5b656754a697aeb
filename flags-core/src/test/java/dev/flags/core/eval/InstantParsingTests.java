package dev.flags.core.eval;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that reading an instant into seconds and nanoseconds, without objects, agrees with
 * {@code java.time} on every date of years 0 to 9999 and on random date-times.
 */
class InstantParsingTests {

	@Test
	void everyDayOfTenThousandYearsAndTheDaysThatDoNotExist() {
		for (int year = 0; year <= 9999; year++) {
			for (int month = 0; month <= 13; month++) {
				for (int day = 0; day <= 32; day += (month == 2 || day < 2 || day > 27) ? 1 : 13) {
					String s = String.format("%04d-%02d-%02d", year, month, day);
					Instant expected;
					try {
						expected = Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L);
					}
					catch (DateTimeException ex) {
						expected = null;
					}
					assertThat(Instants.parse(s)).as(s).isEqualTo(expected);
				}
			}
		}
	}

	@Test
	void randomDateTimesAgreeWithJavaTime() {
		SplittableRandom random = new SplittableRandom(11);
		for (int n = 0; n < 100_000; n++) {
			String fraction = switch (random.nextInt(4)) {
				case 0 -> "";
				case 1 -> "." + random.nextInt(10);
				case 2 -> "." + String.format("%03d", random.nextInt(1000));
				default -> "." + String.format("%09d", random.nextInt(1_000_000_000));
			};
			String offset = (random.nextBoolean()) ? "Z"
					: String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(19), random.nextInt(60));
			String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10000), 1 + random.nextInt(12),
					1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), fraction, offset);
			Instant expected;
			try {
				OffsetDateTime parsed = OffsetDateTime.parse(s);
				boolean withinLimit = Math.abs(parsed.getOffset().getTotalSeconds()) <= 18 * 3600;
				expected = withinLimit ? parsed.toInstant() : null;
			}
			catch (DateTimeParseException ex) {
				expected = null;
			}
			assertThat(Instants.parse(s)).as(s).isEqualTo(expected);
			if (expected != null) {
				assertThat(Instants.epochSeconds(s)).isEqualTo(expected.getEpochSecond());
				assertThat(Instants.nanos(s)).isEqualTo(expected.getNano());
			}
		}
	}

}
