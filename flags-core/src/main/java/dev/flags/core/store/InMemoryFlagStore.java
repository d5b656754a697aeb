package dev.flags.core.store;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Flag;

/**
 * A store that keeps the document in memory: for tests, and for definitions that come from
 * configuration and need not survive a restart.
 */
public final class InMemoryFlagStore implements FlagStore {

	private final Listeners listeners = new Listeners();

	private Definitions document;

	private long revision;

	/**
	 * Creates an empty store.
	 */
	public InMemoryFlagStore() {
		this(Definitions.empty());
	}

	/**
	 * Creates a store holding a document.
	 * @param initial the document, validated
	 */
	public InMemoryFlagStore(Definitions initial) {
		DefinitionsValidator.validate(initial);
		this.document = initial;
	}

	@Override
	public synchronized Definitions load() {
		return this.document;
	}

	@Override
	public synchronized long revision() {
		return this.revision;
	}

	@Override
	public Flag save(Flag flag, long expectedVersion) {
		StoreChange change;
		Flag stored;
		synchronized (this) {
			this.document = DocumentWrites.save(this.document, flag, expectedVersion);
			stored = DocumentWrites.stored(this.document, flag.key());
			change = new StoreChange(StoreChange.Type.SAVED, flag.key(), ++this.revision, null);
		}
		this.listeners.fire(change);
		return stored;
	}

	@Override
	public void delete(String key, long expectedVersion) {
		StoreChange change;
		synchronized (this) {
			this.document = DocumentWrites.delete(this.document, key, expectedVersion);
			change = new StoreChange(StoreChange.Type.DELETED, key, ++this.revision, null);
		}
		this.listeners.fire(change);
	}

	/**
	 * Replaces the whole document, as a reload of configuration does.
	 * @param definitions the new document, validated
	 */
	public void replace(Definitions definitions) {
		DefinitionsValidator.validate(definitions);
		StoreChange change;
		synchronized (this) {
			this.document = definitions;
			change = new StoreChange(StoreChange.Type.EXTERNAL, null, ++this.revision, null);
		}
		this.listeners.fire(change);
	}

	@Override
	public Subscription subscribe(StoreListener listener) {
		return this.listeners.add(listener);
	}

}
