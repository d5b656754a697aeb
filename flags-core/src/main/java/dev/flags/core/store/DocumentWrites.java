package dev.flags.core.store;

import java.time.Clock;
import java.util.Optional;

import dev.flags.core.lifecycle.FlagHistory;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Flag;
import org.jspecify.annotations.Nullable;

/**
 * The write rules every store shares: the version check, the version bump, the flag's history
 * (see {@link FlagHistory#recordSave}), and validating the whole document that would result,
 * before anything is stored. Store implementations apply them to the document they hold before
 * they write, so the history is stored atomically with the definition.
 */
public final class DocumentWrites {

	private DocumentWrites() {
	}

	/**
	 * The document with the flag saved, its history dated by the system clock.
	 * @param document the current document
	 * @param flag the new definition
	 * @param expectedVersion the version the write was based on; 0 to create
	 * @return the new document; the saved flag carries version {@code expectedVersion + 1}
	 * @throws VersionConflictException when the stored version is not the expected one
	 * @throws dev.flags.core.model.InvalidDefinitionsException when the resulting document is invalid
	 */
	public static Definitions save(Definitions document, Flag flag, long expectedVersion) {
		return save(document, flag, expectedVersion, Clock.systemUTC());
	}

	/**
	 * The document with the flag saved.
	 * @param document the current document
	 * @param flag the new definition
	 * @param expectedVersion the version the write was based on; 0 to create
	 * @param clock the clock that dates the flag's history
	 * @return the new document; the saved flag carries version {@code expectedVersion + 1} and
	 * its history brought up to date
	 * @throws VersionConflictException when the stored version is not the expected one
	 * @throws dev.flags.core.model.InvalidDefinitionsException when the resulting document is invalid
	 */
	public static Definitions save(Definitions document, Flag flag, long expectedVersion, Clock clock) {
		return save(document, flag, expectedVersion, clock, null);
	}

	/**
	 * The document with the flag saved, recording who saved it in the flag's history.
	 * @param document the current document
	 * @param flag the new definition
	 * @param expectedVersion the version the write was based on; 0 to create
	 * @param clock the clock that dates the flag's history
	 * @param actor who makes the write (a {@code Change}'s actor), or null when unknown
	 * @return the new document; the saved flag carries version {@code expectedVersion + 1} and
	 * its history brought up to date
	 * @throws VersionConflictException when the stored version is not the expected one
	 * @throws dev.flags.core.model.InvalidDefinitionsException when the resulting document is invalid
	 */
	public static Definitions save(Definitions document, Flag flag, long expectedVersion, Clock clock,
			@Nullable String actor) {
		if (expectedVersion < 0) {
			throw new IllegalArgumentException("expectedVersion must not be negative (was " + expectedVersion + ")");
		}
		Optional<Flag> current = document.flag(flag.key());
		if (current.isEmpty() ? expectedVersion != 0 : current.get().currentVersion() != expectedVersion) {
			throw new VersionConflictException(flag.key(), expectedVersion,
					current.map(Flag::currentVersion).orElse(null));
		}
		Flag recorded = FlagHistory.recordSave(current.orElse(null), flag, clock.instant(), actor);
		Definitions changed = document.withFlag(recorded.withVersion(expectedVersion + 1));
		DefinitionsValidator.validate(changed);
		return changed;
	}

	/**
	 * The document with the flag deleted.
	 * @param document the current document
	 * @param key the flag key
	 * @param expectedVersion the version the deletion was based on
	 * @return the new document
	 */
	public static Definitions delete(Definitions document, String key, long expectedVersion) {
		Optional<Flag> current = document.flag(key);
		if (current.isEmpty() || current.get().currentVersion() != expectedVersion) {
			throw new VersionConflictException(key, expectedVersion, current.map(Flag::currentVersion).orElse(null));
		}
		return document.withoutFlag(key);
	}

	/**
	 * The flag as saved in a document.
	 * @param document the document after the save
	 * @param key the flag key
	 * @return the stored flag
	 */
	public static Flag stored(Definitions document, String key) {
		return document.flag(key).orElseThrow();
	}

}
