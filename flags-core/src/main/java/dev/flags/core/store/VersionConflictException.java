package dev.flags.core.store;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a write was based on a version that is no longer the stored one: somebody else
 * changed the flag first. The write is refused, never merged; re-read and try again.
 */
public class VersionConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String key;

	private final long expectedVersion;

	private final @Nullable Long currentVersion;

	/**
	 * Creates the exception.
	 * @param key the flag
	 * @param expectedVersion the version the write was based on
	 * @param currentVersion the stored version, or null when the flag does not exist
	 */
	public VersionConflictException(String key, long expectedVersion, @Nullable Long currentVersion) {
		super(message(key, expectedVersion, currentVersion));
		this.key = key;
		this.expectedVersion = expectedVersion;
		this.currentVersion = currentVersion;
	}

	private static String message(String key, long expected, @Nullable Long current) {
		if (current == null) {
			return "Flag '" + key + "' does not exist (the write expected version " + expected + ")";
		}
		if (expected == 0) {
			return "Flag '" + key + "' already exists at version " + current + "; send that version to change it";
		}
		return "Flag '" + key + "' is at version " + current + ", not " + expected
				+ ": it was changed by someone else; re-read it and try again";
	}

	/**
	 * The flag concerned.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * The version the write was based on.
	 * @return the expected version
	 */
	public long expectedVersion() {
		return this.expectedVersion;
	}

	/**
	 * The stored version.
	 * @return the current version, or null when the flag does not exist
	 */
	public @Nullable Long currentVersion() {
		return this.currentVersion;
	}

}
