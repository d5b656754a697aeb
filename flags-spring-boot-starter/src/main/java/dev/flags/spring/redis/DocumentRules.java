package dev.flags.spring.redis;

import java.util.Optional;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Flag;
import dev.flags.core.store.VersionConflictException;

/**
 * The write rules every store applies, checked in Java before a script runs: the version check,
 * the version bump, and validating the whole document that would result. The script checks the
 * version again, atomically, for writers that race.
 */
final class DocumentRules {

	private DocumentRules() {
	}

	/**
	 * The flag as it will be stored.
	 * @param document the current document
	 * @param flag the new definition
	 * @param expectedVersion the version the write was based on; 0 to create
	 * @return the flag at version {@code expectedVersion + 1}
	 */
	static Flag save(Definitions document, Flag flag, long expectedVersion) {
		if (expectedVersion < 0) {
			throw new IllegalArgumentException("expectedVersion must not be negative (was " + expectedVersion + ")");
		}
		Optional<Flag> current = document.flag(flag.key());
		if (current.isEmpty() ? expectedVersion != 0 : current.get().versionOrZero() != expectedVersion) {
			throw new VersionConflictException(flag.key(), expectedVersion,
					current.map(Flag::versionOrZero).orElse(null));
		}
		Flag stored = flag.withVersion(expectedVersion + 1);
		DefinitionsValidator.validate(document.withFlag(stored));
		return stored;
	}

	/**
	 * Checks that a flag may be deleted.
	 * @param document the current document
	 * @param key the flag key
	 * @param expectedVersion the version the deletion was based on
	 */
	static void delete(Definitions document, String key, long expectedVersion) {
		Optional<Flag> current = document.flag(key);
		if (current.isEmpty() || current.get().versionOrZero() != expectedVersion) {
			throw new VersionConflictException(key, expectedVersion, current.map(Flag::versionOrZero).orElse(null));
		}
	}

}
