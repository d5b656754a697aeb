package dev.flags.core.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagKind;
import dev.flags.core.model.InvalidDefinitionsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link FlagExpiry}, the assertion a team puts in its own test suite.
 */
class FlagExpiryTests {

	private final MutableClock clock = new MutableClock("2026-11-29T12:00:00Z");

	@TempDir
	Path directory;

	@Test
	void passesWhileNoTemporaryFlagIsPastItsExpiry() {
		Definitions definitions = Definitions.of(List.of(Flag.builder("checkout").expiresAt("2027-01-31").build(),
				Flag.builder("today").expiresAt("2026-11-29T12:00:00Z").build(),
				Flag.builder("undated").build()), List.of());
		assertThatNoException().isThrownBy(() -> FlagExpiry.assertNoExpiredFlags(definitions, this.clock));
	}

	@Test
	void failsNamingEveryExpiredFlagItsOwnerAndDate() {
		Definitions definitions = Definitions.of(List.of(
				Flag.builder("holiday-banner").owner("marketing").expiresAt("2026-09-30").build(),
				Flag.builder("checkout").expiresAt("2027-01-31").build(),
				Flag.builder("pricing-page").kind(FlagKind.EXPERIMENT).expiresAt("2026-11-28").build()), List.of());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> FlagExpiry.assertNoExpiredFlags(definitions, this.clock))
			.withMessageContaining("Temporary flags past their expiresAt")
			.withMessageContaining("holiday-banner (release, owner marketing): expired 2026-09-30, 60 day(s) ago")
			.withMessageContaining("pricing-page (experiment): expired 2026-11-28, 1 day(s) ago")
			.withMessageNotContaining("checkout");
	}

	@Test
	void permanentKindsAreNeverReported() {
		Definitions definitions = Definitions.of(List.of(
				Flag.builder("payments").kind(FlagKind.KILL_SWITCH).expiresAt("2020-01-01").build(),
				Flag.builder("batch").kind(FlagKind.OPS).expiresAt("2020-01-01").build(),
				Flag.builder("plans").kind(FlagKind.ENTITLEMENT).expiresAt("2020-01-01").build()), List.of());
		assertThatNoException().isThrownBy(() -> FlagExpiry.assertNoExpiredFlags(definitions, this.clock));
	}

	@Test
	void anExpiryThatIsNotADateFails() {
		Definitions definitions = Definitions.of(List.of(Flag.builder("checkout").expiresAt("after launch").build()),
				List.of());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> FlagExpiry.assertNoExpiredFlags(definitions, this.clock))
			.withMessageContaining("checkout (release): expiresAt 'after launch' is not an ISO-8601 date");
	}

	@Test
	void readsADefinitionsFile() throws IOException {
		Path file = this.directory.resolve("flags.json");
		Files.writeString(file, """
				{"flags": [{"key": "holiday-banner", "kind": "release", "expiresAt": "2026-09-30"}]}""");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> FlagExpiry.assertNoExpiredFlags(file, this.clock))
			.withMessageContaining("holiday-banner");
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> FlagExpiry.assertNoExpiredFlags(this.directory.resolve("missing.json"), this.clock))
			.withMessageContaining("missing.json");
		Files.writeString(file, "{\"flags\": [{\"key\": \"Bad Key\"}]}");
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> FlagExpiry.assertNoExpiredFlags(file, this.clock));
	}

}
