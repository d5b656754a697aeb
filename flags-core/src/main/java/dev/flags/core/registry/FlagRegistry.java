package dev.flags.core.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.flags.core.audit.AuditLog;
import dev.flags.core.audit.Change;
import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.core.store.FlagStore;
import dev.flags.core.store.FlagWrite;
import dev.flags.core.store.StoreChange;
import org.jspecify.annotations.Nullable;

/**
 * Holds the current immutable {@link FlagSnapshot} that evaluation reads, and keeps it in step
 * with a {@link FlagStore}: on every change event, and on {@link #refresh()} (the periodic
 * backstop). Reading the snapshot is one volatile read.
 * <p>
 * A store that fails, or returns an invalid document, never takes flags away: the last good
 * snapshot stays and {@link #status()} says what went wrong. A refresh that finds the store
 * suddenly empty is treated as suspicious and not applied, unless the flags were deleted through
 * the store's write path.
 */
public final class FlagRegistry implements AutoCloseable {

	private final FlagStore store;

	private final Clock clock;

	private final FlagStore.Subscription subscription;

	private final CopyOnWriteArrayList<Consumer<FlagSnapshot>> listeners = new CopyOnWriteArrayList<>();

	private volatile FlagSnapshot snapshot = FlagSnapshot.empty();

	private volatile long revision = Long.MIN_VALUE;

	private volatile @Nullable Instant lastSuccess;

	private volatile @Nullable Instant lastFailure;

	private volatile @Nullable String lastError;

	private volatile long failures;

	// A flag, not a comparison of instants: a failure and a recovery within one tick of the clock
	// (or under a fixed clock) must still end healthy.
	private volatile boolean healthy = true;

	/**
	 * Creates a registry and loads the store's document.
	 * @param store the store
	 * @throws RuntimeException when the store cannot be loaded
	 */
	public FlagRegistry(FlagStore store) {
		this(store, null, Clock.systemUTC());
	}

	/**
	 * Creates a registry that starts from a bootstrap document when the store cannot be loaded.
	 * @param store the store
	 * @param bootstrap the document to serve until the store answers, or null to fail instead
	 * @param clock the clock for status times
	 * @throws InvalidDefinitionsException when the bootstrap document is invalid
	 * @throws RuntimeException when the store cannot be loaded and there is no bootstrap document
	 */
	public FlagRegistry(FlagStore store, @Nullable Definitions bootstrap, Clock clock) {
		this.store = store;
		this.clock = clock;
		FlagSnapshot fallback = (bootstrap != null) ? FlagSnapshot.of(bootstrap) : null;
		// Subscribed first, so that no change between the first load and the subscription is missed.
		this.subscription = store.subscribe(this::onChange);
		try {
			load(true);
		}
		catch (RuntimeException ex) {
			if (fallback == null) {
				this.subscription.close();
				throw ex;
			}
			bootstrap(fallback, ex);
		}
	}

	/**
	 * The current snapshot.
	 * @return the snapshot; never null
	 */
	public FlagSnapshot snapshot() {
		return this.snapshot;
	}

	/**
	 * The store this registry reads.
	 * @return the store
	 */
	public FlagStore store() {
		return this.store;
	}

	/**
	 * Reloads from the store when its revision moved. Never throws: a failure keeps the last good
	 * snapshot and shows in {@link #status()}.
	 * @return true when a new snapshot was installed
	 */
	public boolean refresh() {
		try {
			return load(false);
		}
		catch (RuntimeException ex) {
			fail(ex);
			return false;
		}
	}

	/**
	 * Saves a flag through the store and installs the resulting snapshot before returning, so the
	 * writer reads its own write.
	 * @param flag the new definition
	 * @param expectedVersion the version the change was based on; 0 to create
	 * @return the stored flag
	 */
	public Flag save(Flag flag, long expectedVersion) {
		Flag stored = this.store.save(flag, expectedVersion);
		reloadTrusted();
		return stored;
	}

	/**
	 * Saves a flag through the store, which writes the change's audit record with it, and
	 * installs the resulting snapshot before returning.
	 * @param flag the new definition
	 * @param expectedVersion the version the change was based on; 0 to create
	 * @param change who makes the change, when and why
	 * @return the stored flag and its audit record
	 */
	public FlagWrite save(Flag flag, long expectedVersion, Change change) {
		FlagWrite write = this.store.save(flag, expectedVersion, change);
		reloadTrusted();
		return write;
	}

	/**
	 * Deletes a flag through the store and installs the resulting snapshot before returning.
	 * @param key the flag key
	 * @param expectedVersion the version the deletion was based on
	 */
	public void delete(String key, long expectedVersion) {
		this.store.delete(key, expectedVersion);
		reloadTrusted();
	}

	/**
	 * Deletes a flag through the store, which writes the deletion's audit record with it, and
	 * installs the resulting snapshot before returning.
	 * @param key the flag key
	 * @param expectedVersion the version the deletion was based on
	 * @param change who deletes the flag, when and why
	 * @return the audit record of the deletion
	 */
	public FlagWrite delete(String key, long expectedVersion, Change change) {
		FlagWrite write = this.store.delete(key, expectedVersion, change);
		reloadTrusted();
		return write;
	}

	/**
	 * The audit log of the store.
	 * @return the store's audit log; empty for a store that keeps none
	 */
	public AuditLog auditLog() {
		return this.store.auditLog();
	}

	/**
	 * Registers a listener called with every new snapshot.
	 * @param listener the listener
	 * @return a handle that unregisters it
	 */
	public FlagStore.Subscription onSnapshot(Consumer<FlagSnapshot> listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	/**
	 * How many times loading from the store has failed since this registry was created: the
	 * store unreachable, or its document invalid or suspiciously empty. It only grows, so it can
	 * back a counter.
	 * @return the number of failed loads
	 */
	public long failures() {
		return this.failures;
	}

	/**
	 * How fresh the snapshot is and what went wrong last.
	 * @return the status
	 */
	public Status status() {
		Instant success = this.lastSuccess;
		boolean healthy = this.healthy;
		return new Status(healthy, this.snapshot.size(), this.revision, success, this.lastFailure,
				healthy ? null : this.lastError,
				(success != null) ? Duration.between(success, this.clock.instant()) : null);
	}

	@Override
	public void close() {
		this.subscription.close();
	}

	private void onChange(StoreChange change) {
		switch (change.type()) {
			case SAVED, DELETED -> reloadTrusted();
			case EXTERNAL -> refresh();
			case ERROR -> fail((change.error() != null) ? change.error()
					: new IllegalStateException("store reported an error"));
		}
	}

	private void reloadTrusted() {
		try {
			load(true);
		}
		catch (RuntimeException ex) {
			fail(ex);
		}
	}

	private synchronized boolean load(boolean trusted) {
		long storeRevision = this.store.revision();
		if (storeRevision == this.revision && this.lastSuccess != null) {
			succeeded();
			return false;
		}
		Definitions definitions = this.store.load();
		FlagSnapshot current = this.snapshot;
		if (!trusted && definitions.flags().isEmpty() && current.size() > 0) {
			throw new IllegalStateException("The store returned no flags while " + current.size()
					+ " were loaded; keeping them (delete flags through the store to remove them)");
		}
		FlagSnapshot next = FlagSnapshot.of(definitions);
		this.snapshot = next;
		this.revision = storeRevision;
		succeeded();
		for (Consumer<FlagSnapshot> listener : this.listeners) {
			try {
				listener.accept(next);
			}
			catch (RuntimeException ex) {
				// A listener's failure must not undo or hide a good reload.
			}
		}
		return true;
	}

	private synchronized void bootstrap(FlagSnapshot bootstrap, RuntimeException error) {
		// A change event may have loaded the store in the meantime: then the store is what counts.
		if (this.lastSuccess == null) {
			this.snapshot = bootstrap;
			fail(error);
		}
	}

	private void succeeded() {
		this.lastSuccess = this.clock.instant();
		this.healthy = true;
	}

	private synchronized void fail(Throwable error) {
		this.lastFailure = this.clock.instant();
		this.lastError = error.getClass().getSimpleName() + ": " + error.getMessage();
		this.healthy = false;
		this.failures++;
	}

	/**
	 * The registry's health.
	 *
	 * @param healthy whether the last load succeeded
	 * @param flags the number of flags in the snapshot
	 * @param revision the store revision the snapshot was loaded at
	 * @param lastSuccess when the store was last read successfully
	 * @param lastFailure when reading it last failed
	 * @param lastError what went wrong, while unhealthy
	 * @param age how long since the store was last read successfully
	 */
	public record Status(boolean healthy, int flags, long revision, @Nullable Instant lastSuccess,
			@Nullable Instant lastFailure, @Nullable String lastError, @Nullable Duration age) {
	}

}
