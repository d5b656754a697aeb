package dev.flags.core.store;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;

/**
 * Where definitions live (the store SPI). A store keeps one definitions document; every write
 * replaces one flag or segment atomically after checking the version the write was based on.
 * Implementations must be thread-safe.
 */
public interface FlagStore extends AutoCloseable {

	/**
	 * Reads the whole document.
	 * @return the current definitions, validated
	 * @throws FlagStoreException when the store cannot be read, or holds an invalid document
	 */
	Definitions load();

	/**
	 * A number that changes whenever the stored document changes: a cheap way to tell whether
	 * {@link #load()} would return anything new.
	 * @return the store's revision
	 * @throws FlagStoreException when the store cannot be read
	 */
	long revision();

	/**
	 * Creates or replaces one flag, when its stored version is the expected one.
	 * @param flag the new definition; its own {@code version} field is ignored
	 * @param expectedVersion the version the change was based on: 0 to create a flag that must not
	 * exist yet
	 * @return the flag as stored, with its version raised to {@code expectedVersion + 1}
	 * @throws VersionConflictException when the stored version is not the expected one
	 * @throws InvalidDefinitionsException when the flag, or the document with it, is invalid
	 * @throws FlagStoreException when the store cannot be written; nothing was changed
	 */
	Flag save(Flag flag, long expectedVersion);

	/**
	 * Deletes one flag, when its stored version is the expected one.
	 * @param key the flag key
	 * @param expectedVersion the version the deletion was based on
	 * @throws VersionConflictException when the flag is missing or its version is another
	 * @throws FlagStoreException when the store cannot be written; nothing was changed
	 */
	void delete(String key, long expectedVersion);

	/**
	 * Registers a listener told of every change, whoever made it: writes through this store,
	 * and changes made elsewhere that the store notices (another process, an edited file).
	 * @param listener the listener
	 * @return a handle that unregisters it when closed
	 */
	Subscription subscribe(StoreListener listener);

	/**
	 * Releases what the store holds (watchers, connections). The default does nothing.
	 */
	@Override
	default void close() {
	}

	/**
	 * The registration of a listener; closing it unregisters it.
	 */
	@FunctionalInterface
	interface Subscription extends AutoCloseable {

		@Override
		void close();

	}

}
