package dev.flags.spring.actuate;

import dev.flags.core.audit.AuditLog;
import dev.flags.core.audit.Change;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.store.FlagStore;
import dev.flags.core.store.FlagStoreException;
import dev.flags.core.store.FlagWrite;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.core.store.StoreListener;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory store that can be made unreachable, as a store whose server went away.
 */
final class FailingFlagStore implements FlagStore {

	private final InMemoryFlagStore delegate;

	private volatile @Nullable String failure;

	FailingFlagStore(Definitions definitions) {
		this.delegate = new InMemoryFlagStore(definitions);
	}

	void fail(String message) {
		this.failure = message;
	}

	void recover() {
		this.failure = null;
	}

	private void check() {
		String failure = this.failure;
		if (failure != null) {
			throw new FlagStoreException(failure);
		}
	}

	@Override
	public Definitions load() {
		check();
		return this.delegate.load();
	}

	@Override
	public long revision() {
		check();
		return this.delegate.revision();
	}

	@Override
	public Flag save(Flag flag, long expectedVersion) {
		check();
		return this.delegate.save(flag, expectedVersion);
	}

	@Override
	public void delete(String key, long expectedVersion) {
		check();
		this.delegate.delete(key, expectedVersion);
	}

	@Override
	public FlagWrite save(Flag flag, long expectedVersion, Change change) {
		check();
		return this.delegate.save(flag, expectedVersion, change);
	}

	@Override
	public FlagWrite delete(String key, long expectedVersion, Change change) {
		check();
		return this.delegate.delete(key, expectedVersion, change);
	}

	@Override
	public AuditLog auditLog() {
		return (query) -> {
			check();
			return this.delegate.auditLog().read(query);
		};
	}

	@Override
	public Subscription subscribe(StoreListener listener) {
		return this.delegate.subscribe(listener);
	}

}
