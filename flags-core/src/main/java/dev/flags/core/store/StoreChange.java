package dev.flags.core.store;

import org.jspecify.annotations.Nullable;

/**
 * What changed in a store.
 *
 * @param type the kind of change
 * @param key the flag concerned, or null when the whole document changed
 * @param revision the store's revision after the change
 * @param error the problem found, for {@link Type#ERROR}
 */
public record StoreChange(Type type, @Nullable String key, long revision, @Nullable Throwable error) {

	/**
	 * The kinds of change.
	 */
	public enum Type {

		/** A flag was created or replaced through the store. */
		SAVED,

		/** A flag was deleted through the store. */
		DELETED,

		/** The document changed outside this store object (another process, an edited file). */
		EXTERNAL,

		/** The store found its document unreadable or invalid; the last good one still applies. */
		ERROR

	}

}
