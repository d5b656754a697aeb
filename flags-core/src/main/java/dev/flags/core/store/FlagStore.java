package dev.flags.core.store;

import dev.flags.core.audit.AuditLog;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.Change;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;

/**
 * Where definitions live (the store SPI). A store keeps one definitions document; every write
 * replaces one flag or segment atomically after checking the version the write was based on.
 * A store that keeps an audit log writes each change's {@link AuditRecord} atomically with the
 * change ({@link #save(Flag, long, Change)}, {@link #delete(String, long, Change)}) and serves it
 * through {@link #auditLog()}. Implementations must be thread-safe.
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
	 * Creates or replaces one flag, when its stored version is the expected one, and writes the
	 * audit record of the change with it: both or neither.
	 * <p>
	 * The default is for stores that keep no audit log: it saves through
	 * {@link #save(Flag, long)} and returns a record that is kept nowhere (its id is empty), made
	 * against the flag read just before.
	 * @param flag the new definition; its own {@code version} field is ignored
	 * @param expectedVersion the version the change was based on: 0 to create a flag that must not
	 * exist yet
	 * @param change who makes the change, when and why
	 * @return the flag as stored, with its version raised to {@code expectedVersion + 1}, and the
	 * audit record
	 * @throws VersionConflictException when the stored version is not the expected one
	 * @throws InvalidDefinitionsException when the flag, or the document with it, is invalid
	 * @throws FlagStoreException when the store cannot be written; nothing was changed
	 */
	default FlagWrite save(Flag flag, long expectedVersion, Change change) {
		Flag before = load().flag(flag.key()).orElse(null);
		Flag stored = save(flag, expectedVersion);
		return new FlagWrite(stored, AuditRecord.of("", before, stored, change));
	}

	/**
	 * Deletes one flag, when its stored version is the expected one, and writes the audit record
	 * of the deletion with it: both or neither.
	 * <p>
	 * The default is for stores that keep no audit log, as for {@link #save(Flag, long, Change)}.
	 * @param key the flag key
	 * @param expectedVersion the version the deletion was based on
	 * @param change who deletes the flag, when and why
	 * @return the audit record, with no flag
	 * @throws VersionConflictException when the flag is missing or its version is another
	 * @throws FlagStoreException when the store cannot be written; nothing was changed
	 */
	default FlagWrite delete(String key, long expectedVersion, Change change) {
		Flag before = load().flag(key).orElse(null);
		delete(key, expectedVersion);
		// Created by someone else between the read and the deletion: only its key and version are known.
		Flag deleted = (before != null) ? before : Flag.builder(key).version(expectedVersion).build();
		return new FlagWrite(null, AuditRecord.of("", deleted, null, change));
	}

	/**
	 * The audit log this store writes with every change. The default is the empty log of a store
	 * that keeps none.
	 * @return the audit log
	 */
	default AuditLog auditLog() {
		return AuditLog.none();
	}

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
