package com.example.shop;

import java.nio.file.Path;

import dev.flags.core.lifecycle.FlagExpiry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The check a team keeps in its own test suite so that the build fails once a temporary flag is
 * past its expiresAt. The shop keeps one expired flag on purpose, to show what the failure says;
 * a real application simply calls {@code FlagExpiry.assertNoExpiredFlags(FLAGS)} in a test.
 */
class FlagExpiryCheckTests {

	private static final Path FLAGS = Path.of("src/main/resources/flags.json");

	@Test
	void theBuildWouldFailOnTheExpiredHolidayBanner() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> FlagExpiry.assertNoExpiredFlags(FLAGS))
			.withMessageContaining("holiday-banner (release, owner marketing): expired 2026-09-30")
			.withMessageNotContaining("new-checkout")
			.withMessageNotContaining("pricing-page");
	}

}
