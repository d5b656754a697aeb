package dev.flags.core.store;

import java.time.Clock;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Flag;

/**
 * A store that keeps the document in memory: for tests, and for definitions that come from
 * configuration and need not survive a restart.
 */
public final class InMemoryFlagStore implements FlagStore {

	private final Listeners listeners = new Listeners();

	private final Clock clock;

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
		this(initial, Clock.systemUTC());
	}

	/**
	 * Creates a store holding a document.
	 * @param initial the document, validated
	 * @param clock the clock that dates the history of saved flags
	 */
	public InMemoryFlagStore(Definitions initial, Clock clock) {
		DefinitionsValidator.validate(initial);
		this.document = initial;
		this.clock = clock;
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
			this.document = DocumentWrites.save(this.document, flag, expectedVersion, this.clock);
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
