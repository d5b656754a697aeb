package dev.flags.core.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.flags.core.audit.AuditLog;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.Change;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Flag;
import org.jspecify.annotations.Nullable;

/**
 * A store that keeps the document in memory: for tests, and for definitions that come from
 * configuration and need not survive a restart. Its audit log is a list in memory, written under
 * the same lock as the document; record ids are 1, 2, 3, …
 */
public final class InMemoryFlagStore implements FlagStore {

	private final Listeners listeners = new Listeners();

	private final List<AuditRecord> audit = new ArrayList<>();

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
		return Objects.requireNonNull(save(flag, expectedVersion, Change.system(this.clock.instant())).flag());
	}

	@Override
	public FlagWrite save(Flag flag, long expectedVersion, Change change) {
		StoreChange stored;
		FlagWrite write;
		synchronized (this) {
			Flag before = this.document.flag(flag.key()).orElse(null);
			Definitions changed = DocumentWrites.save(this.document, flag, expectedVersion, this.clock, change.actor());
			Flag after = DocumentWrites.stored(changed, flag.key());
			write = new FlagWrite(after, record(before, after, change));
			this.document = changed;
			this.audit.add(write.audit());
			stored = new StoreChange(StoreChange.Type.SAVED, flag.key(), ++this.revision, null);
		}
		this.listeners.fire(stored);
		return write;
	}

	@Override
	public void delete(String key, long expectedVersion) {
		delete(key, expectedVersion, Change.system(this.clock.instant()));
	}

	@Override
	public FlagWrite delete(String key, long expectedVersion, Change change) {
		StoreChange deleted;
		FlagWrite write;
		synchronized (this) {
			Definitions changed = DocumentWrites.delete(this.document, key, expectedVersion);
			write = new FlagWrite(null, record(this.document.flag(key).orElseThrow(), null, change));
			this.document = changed;
			this.audit.add(write.audit());
			deleted = new StoreChange(StoreChange.Type.DELETED, key, ++this.revision, null);
		}
		this.listeners.fire(deleted);
		return write;
	}

	private AuditRecord record(@Nullable Flag before, @Nullable Flag after, Change change) {
		return AuditRecord.of(Long.toString(this.audit.size() + 1L), before, after, change);
	}

	@Override
	public AuditLog auditLog() {
		return (query) -> {
			List<AuditRecord> records;
			synchronized (this) {
				records = List.copyOf(this.audit);
			}
			return RecordPages.page(records, query);
		};
	}

	/**
	 * Replaces the whole document, as a reload of configuration does. Not audited: it is not a
	 * change to one flag but a new configuration.
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
