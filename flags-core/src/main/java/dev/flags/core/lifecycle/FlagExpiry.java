package dev.flags.core.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;

/**
 * Fails a build whose definitions hold a temporary flag past its {@code expiresAt}, from a test
 * in the application's own suite, with any test framework: <pre class="code">
 * &#64;Test
 * void noFlagIsPastItsExpiry() {
 *     FlagExpiry.assertNoExpiredFlags(Path.of("src/main/resources/flags.json"));
 * }
 * </pre> Permanent kinds (kill switches, ops and entitlement flags) are never reported, whatever
 * their {@code expiresAt}. A temporary flag whose {@code expiresAt} is not a date or an instant
 * fails too, since it would otherwise never expire.
 */
public final class FlagExpiry {

	private FlagExpiry() {
	}

	/**
	 * Asserts that no temporary flag of a definitions file is past its {@code expiresAt} now.
	 * @param definitions the definitions document, in the JSON format of the spec
	 * @throws AssertionError naming every expired flag, its owner and its date
	 * @throws UncheckedIOException when the file cannot be read
	 * @throws dev.flags.core.model.InvalidDefinitionsException when the document is invalid
	 */
	public static void assertNoExpiredFlags(Path definitions) {
		assertNoExpiredFlags(definitions, Clock.systemUTC());
	}

	/**
	 * Asserts that no temporary flag of a definitions file is past its {@code expiresAt}.
	 * @param definitions the definitions document, in the JSON format of the spec
	 * @param clock the clock that says what now is
	 * @throws AssertionError naming every expired flag, its owner and its date
	 * @throws UncheckedIOException when the file cannot be read
	 * @throws dev.flags.core.model.InvalidDefinitionsException when the document is invalid
	 */
	public static void assertNoExpiredFlags(Path definitions, Clock clock) {
		String json;
		try {
			json = Files.readString(definitions);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the flag definitions " + definitions + ": " + ex, ex);
		}
		assertNoExpiredFlags(DefinitionsCodec.read(json), clock);
	}

	/**
	 * Asserts that no temporary flag of a document is past its {@code expiresAt}.
	 * @param definitions the definitions
	 * @param clock the clock that says what now is
	 * @throws AssertionError naming every expired flag, its owner and its date
	 */
	public static void assertNoExpiredFlags(Definitions definitions, Clock clock) {
		List<String> failures = expired(definitions, clock.instant());
		if (!failures.isEmpty()) {
			throw new AssertionError("Temporary flags past their expiresAt (remove them from the code and the"
					+ " definitions, or move the date):" + System.lineSeparator() + "    - "
					+ String.join(System.lineSeparator() + "    - ", failures));
		}
	}

	private static List<String> expired(Definitions definitions, Instant now) {
		List<String> failures = new ArrayList<>();
		for (Flag flag : definitions.flags()) {
			String expiresAt = flag.expiresAt();
			if (!flag.kind().isTemporary() || expiresAt == null) {
				continue;
			}
			Instant expiry = Timestamps.parse(expiresAt);
			String owner = (flag.owner() != null) ? ", owner " + flag.owner() : "";
			if (expiry == null) {
				failures.add(flag.key() + " (" + flag.kind().json() + owner + "): expiresAt '" + expiresAt
						+ "' is not an ISO-8601 date (2027-01-31) or instant (2027-01-31T09:00:00Z)");
			}
			else if (now.isAfter(expiry)) {
				failures.add(flag.key() + " (" + flag.kind().json() + owner + "): expired " + expiresAt + ", "
						+ Duration.between(expiry, now).toDays() + " day(s) ago");
			}
		}
		return failures;
	}

}
