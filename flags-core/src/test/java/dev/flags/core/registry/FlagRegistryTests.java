package dev.flags.core.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.Change;
import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.core.store.FileFlagStore;
import dev.flags.core.store.FlagStore;
import dev.flags.core.store.FlagStoreException;
import dev.flags.core.store.FlagWrite;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.core.store.StoreListener;
import dev.flags.core.store.VersionConflictException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FlagRegistry}.
 */
class FlagRegistryTests {

	private static final long TIMEOUT_SECONDS = 30;

	// Fixed: every success and failure happens at the same instant, so health must not be
	// derived from comparing them.
	private final Clock clock = Clock.fixed(Instant.parse("2026-11-01T09:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path directory;

	@Test
	void startsFromTheStoresDocument() {
		InMemoryFlagStore store = new InMemoryFlagStore(document(flag("new-checkout", 100)));
		try (FlagRegistry registry = new FlagRegistry(store)) {
			assertThat(registry.snapshot().keys()).containsExactly("new-checkout");
			assertThat(registry.snapshot().isEnabled("new-checkout", FlagContext.of("user-1"))).isTrue();
			assertThat(registry.status().healthy()).isTrue();
			assertThat(registry.status().flags()).isEqualTo(1);
			assertThat(registry.store()).isSameAs(store);
		}
	}

	@Test
	void saveIsVisibleInTheSnapshotBeforeItReturns() {
		try (FlagRegistry registry = new FlagRegistry(new InMemoryFlagStore())) {
			Flag stored = registry.save(flag("new-checkout", 100), 0);
			assertThat(registry.snapshot().flag("new-checkout")).contains(stored);
			registry.save(flag("new-checkout", 0), 1);
			assertThat(registry.snapshot().isEnabled("new-checkout", FlagContext.of("user-1"))).isFalse();
			registry.delete("new-checkout", 2);
			assertThat(registry.snapshot().contains("new-checkout")).isFalse();
		}
	}

	@Test
	void changeIsAuditedByTheStoreAndVisibleBeforeTheWriteReturns() {
		try (FlagRegistry registry = new FlagRegistry(new InMemoryFlagStore())) {
			FlagWrite created = registry.save(flag("new-checkout", 100), 0, Change.by("alice", "launch"));
			assertThat(registry.snapshot().flag("new-checkout")).contains(created.flag());
			assertThat(created.audit().type()).isEqualTo(AuditRecord.Type.CREATED);
			FlagWrite deleted = registry.delete("new-checkout", 1, Change.by("bob", "done"));
			assertThat(registry.snapshot().contains("new-checkout")).isFalse();
			assertThat(registry.auditLog().read(AuditQuery.recent(10)).records()).containsExactly(deleted.audit(),
					created.audit());
		}
	}

	@Test
	void saveThroughAFileStoreIsReadBack() {
		try (FileFlagStore store = new FileFlagStore(this.directory.resolve("flags.json"));
				FlagRegistry registry = new FlagRegistry(store)) {
			registry.save(flag("new-checkout", 100), 0);
			assertThat(registry.snapshot().flag("new-checkout").orElseThrow().version()).isEqualTo(1L);
			assertThat(registry.status().revision()).isEqualTo(store.revision());
		}
	}

	@Test
	void refusedSaveLeavesTheSnapshot() {
		try (FlagRegistry registry = new FlagRegistry(new InMemoryFlagStore())) {
			registry.save(flag("new-checkout", 25), 0);
			FlagSnapshot before = registry.snapshot();
			assertThatExceptionOfType(VersionConflictException.class)
				.isThrownBy(() -> registry.save(flag("new-checkout", 50), 0));
			assertThatExceptionOfType(InvalidDefinitionsException.class)
				.isThrownBy(() -> registry.save(flag("new-checkout", 150), 1));
			assertThat(registry.snapshot()).isSameAs(before);
			assertThat(registry.status().healthy()).isTrue();
		}
	}

	@Test
	void writesMadeDirectlyToTheStoreArriveByEvent() {
		InMemoryFlagStore store = new InMemoryFlagStore();
		try (FlagRegistry registry = new FlagRegistry(store)) {
			store.save(flag("new-checkout", 25), 0);
			assertThat(registry.snapshot().contains("new-checkout")).isTrue();
			store.replace(document(flag("dark-mode", 10)));
			assertThat(registry.snapshot().keys()).containsExactly("dark-mode");
		}
	}

	@Test
	void fileEditedOnDiskArrivesByEvent() throws IOException {
		Path file = this.directory.resolve("flags.json");
		try (FileFlagStore store = new FileFlagStore(file); FlagRegistry registry = new FlagRegistry(store)) {
			registry.save(flag("new-checkout", 25), 0);
			Files.writeString(file, """
					{ "flags": [ { "key": "new-checkout", "rollout": 25, "version": 1 },
					             { "key": "dark-mode", "rollout": 10 } ] }
					""");
			assertThat(store.checkForChanges()).isTrue();
			assertThat(registry.snapshot().keys()).containsExactly("new-checkout", "dark-mode");
		}
	}

	@Test
	void watchedFileEditedOnDiskReachesTheSnapshot() throws Exception {
		Path file = this.directory.resolve("flags.json");
		try (FileFlagStore store = new FileFlagStore(file); FlagRegistry registry = new FlagRegistry(store)) {
			registry.save(flag("new-checkout", 25), 0);
			CountDownLatch edited = new CountDownLatch(1);
			registry.onSnapshot((snapshot) -> {
				if (snapshot.contains("dark-mode")) {
					edited.countDown();
				}
			});
			store.watch();
			Files.writeString(file, """
					{ "flags": [ { "key": "new-checkout", "rollout": 25, "version": 1 },
					             { "key": "dark-mode", "rollout": 10 } ] }
					""");
			assertThat(edited.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("snapshot with the edit").isTrue();
			assertThat(registry.snapshot().contains("dark-mode")).isTrue();
		}
	}

	@Test
	void refreshWithoutChangeInstallsNothing() {
		try (FlagRegistry registry = new FlagRegistry(new InMemoryFlagStore(document(flag("new-checkout", 5))))) {
			FlagSnapshot before = registry.snapshot();
			assertThat(registry.refresh()).isFalse();
			assertThat(registry.snapshot()).isSameAs(before);
		}
	}

	@Test
	void failingStoreKeepsTheLastGoodSnapshotAndSaysWhy() {
		FailingStore store = new FailingStore(document(flag("new-checkout", 100)));
		try (FlagRegistry registry = new FlagRegistry(store, null, this.clock)) {
			FlagSnapshot good = registry.snapshot();
			store.fail(new FlagStoreException("connection refused"));
			store.delegate.save(flag("dark-mode", 10), 0);
			assertThat(registry.refresh()).isFalse();
			assertThat(registry.snapshot()).isSameAs(good);
			FlagRegistry.Status status = registry.status();
			assertThat(status.healthy()).isFalse();
			assertThat(status.lastError()).isEqualTo("FlagStoreException: connection refused");
			assertThat(status.lastFailure()).isEqualTo(this.clock.instant());
			assertThat(status.flags()).isEqualTo(1);
			assertThat(registry.snapshot().isEnabled("new-checkout", FlagContext.of("user-1"))).isTrue();
		}
	}

	@Test
	void everyFailedLoadIsCounted() {
		FailingStore store = new FailingStore(document(flag("new-checkout", 100)));
		try (FlagRegistry registry = new FlagRegistry(store, null, this.clock)) {
			assertThat(registry.failures()).isZero();
			store.fail(new FlagStoreException("connection refused"));
			registry.refresh();
			registry.refresh();
			store.recover();
			registry.refresh();
			assertThat(registry.failures()).isEqualTo(2);
			assertThat(registry.status().healthy()).isTrue();
		}
	}

	@Test
	void recoveredStoreMakesTheRegistryHealthyAgain() {
		FailingStore store = new FailingStore(document(flag("new-checkout", 100)));
		try (FlagRegistry registry = new FlagRegistry(store, null, this.clock)) {
			store.fail(new FlagStoreException("connection refused"));
			store.delegate.save(flag("dark-mode", 10), 0);
			registry.refresh();
			store.recover();
			assertThat(registry.refresh()).isTrue();
			assertThat(registry.snapshot().keys()).containsExactly("new-checkout", "dark-mode");
			FlagRegistry.Status status = registry.status();
			assertThat(status.healthy()).isTrue();
			assertThat(status.lastError()).isNull();
			assertThat(status.lastSuccess()).isEqualTo(this.clock.instant());
		}
	}

	@Test
	void recoveredStoreWithoutChangesMakesTheRegistryHealthyAgain() {
		FailingStore store = new FailingStore(document(flag("new-checkout", 100)));
		try (FlagRegistry registry = new FlagRegistry(store, null, this.clock)) {
			store.fail(new FlagStoreException("connection refused"));
			registry.refresh();
			store.recover();
			assertThat(registry.refresh()).isFalse();
			assertThat(registry.status().healthy()).isTrue();
		}
	}

	@Test
	void bootstrapDocumentIsServedWhileTheStoreIsDownAtStart() {
		FailingStore store = new FailingStore(document(flag("new-checkout", 100)));
		store.fail(new FlagStoreException("connection refused"));
		Definitions bootstrap = document(flag("kill-payments", 100));
		try (FlagRegistry registry = new FlagRegistry(store, bootstrap, this.clock)) {
			assertThat(registry.snapshot().keys()).containsExactly("kill-payments");
			assertThat(registry.status().healthy()).isFalse();
			assertThat(registry.status().lastError()).contains("connection refused");
			assertThat(registry.status().lastSuccess()).isNull();
			store.recover();
			assertThat(registry.refresh()).isTrue();
			assertThat(registry.snapshot().keys()).containsExactly("new-checkout");
			assertThat(registry.status().healthy()).isTrue();
		}
	}

	@Test
	void storeDownAtStartWithoutBootstrapFailsAndLeavesNoListener() {
		FailingStore store = new FailingStore(Definitions.empty());
		store.fail(new FlagStoreException("connection refused"));
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(() -> new FlagRegistry(store))
			.withMessage("connection refused");
		assertThat(store.subscriptions).isZero();
	}

	@Test
	void invalidBootstrapDocumentIsRefused() {
		FailingStore store = new FailingStore(Definitions.empty());
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> new FlagRegistry(store, document(flag("kill-payments", 150)), this.clock))
			.withMessageContaining("rollout");
		assertThat(store.subscriptions).isZero();
	}

	@Test
	void storeFoundSuddenlyEmptyIsNotApplied() {
		InMemoryFlagStore store = new InMemoryFlagStore(document(flag("new-checkout", 100), flag("dark-mode", 10)));
		try (FlagRegistry registry = new FlagRegistry(store, null, this.clock)) {
			FlagSnapshot good = registry.snapshot();
			store.replace(Definitions.empty());
			assertThat(registry.snapshot()).isSameAs(good);
			assertThat(registry.status().healthy()).isFalse();
			assertThat(registry.status().lastError()).contains("returned no flags while 2 were loaded");
			assertThat(registry.refresh()).isFalse();
			assertThat(registry.snapshot().keys()).containsExactly("new-checkout", "dark-mode");
		}
	}

	@Test
	void deletingTheLastFlagThroughTheRegistryIsApplied() {
		InMemoryFlagStore store = new InMemoryFlagStore(document(flag("new-checkout", 100).withVersion(1L)));
		try (FlagRegistry registry = new FlagRegistry(store, null, this.clock)) {
			registry.delete("new-checkout", 1);
			assertThat(registry.snapshot().size()).isZero();
			assertThat(registry.status().healthy()).isTrue();
			assertThat(registry.refresh()).isFalse();
			assertThat(registry.snapshot().size()).isZero();
		}
	}

	@Test
	void deletingTheLastFlagThroughTheStoreIsApplied() {
		InMemoryFlagStore store = new InMemoryFlagStore(document(flag("new-checkout", 100).withVersion(1L)));
		try (FlagRegistry registry = new FlagRegistry(store, null, this.clock)) {
			store.delete("new-checkout", 1);
			assertThat(registry.snapshot().size()).isZero();
			assertThat(registry.status().healthy()).isTrue();
		}
	}

	@Test
	void brokenFileEditMakesTheRegistryUnhealthyAndKeepsTheSnapshot() throws IOException {
		Path file = this.directory.resolve("flags.json");
		try (FileFlagStore store = new FileFlagStore(file);
				FlagRegistry registry = new FlagRegistry(store, null, this.clock)) {
			registry.save(flag("new-checkout", 100), 0);
			FlagSnapshot good = registry.snapshot();
			Files.writeString(file, "{ \"flags\": [ { \"key\": \"new-checkout\", \"rollout\": 150 } ] }");
			store.checkForChanges();
			assertThat(registry.snapshot()).isSameAs(good);
			assertThat(registry.status().healthy()).isFalse();
			assertThat(registry.status().lastError()).contains(file.toString()).contains("rollout");
			// The periodic refresh does not hide the broken file.
			assertThat(registry.refresh()).isFalse();
			assertThat(registry.status().healthy()).isFalse();
			assertThatExceptionOfType(FlagStoreException.class)
				.isThrownBy(() -> registry.save(flag("new-checkout", 50), 1));
			assertThat(registry.snapshot()).isSameAs(good);
			Files.writeString(file, "{ \"flags\": [ { \"key\": \"new-checkout\", \"rollout\": 50, \"version\": 1 } ] }");
			store.checkForChanges();
			assertThat(registry.status().healthy()).isTrue();
			assertThat(registry.snapshot().flag("new-checkout").orElseThrow().rollout()).isEqualByComparingTo("50");
		}
	}

	@Test
	void snapshotListenersAreCalledWithEveryNewSnapshot() {
		try (FlagRegistry registry = new FlagRegistry(new InMemoryFlagStore())) {
			List<FlagSnapshot> seen = new CopyOnWriteArrayList<>();
			FlagStore.Subscription subscription = registry.onSnapshot(seen::add);
			registry.save(flag("new-checkout", 25), 0);
			registry.save(flag("dark-mode", 10), 0);
			assertThat(seen).hasSize(2);
			assertThat(seen.get(1)).isSameAs(registry.snapshot());
			assertThat(seen.get(0).keys()).containsExactly("new-checkout");
			subscription.close();
			registry.save(flag("new-checkout", 30), 1);
			assertThat(seen).hasSize(2);
		}
	}

	@Test
	void failingSnapshotListenerDoesNotUndoTheReload() {
		try (FlagRegistry registry = new FlagRegistry(new InMemoryFlagStore())) {
			registry.onSnapshot((snapshot) -> {
				throw new IllegalStateException("broken listener");
			});
			List<FlagSnapshot> seen = new CopyOnWriteArrayList<>();
			registry.onSnapshot(seen::add);
			registry.save(flag("new-checkout", 25), 0);
			assertThat(registry.snapshot().contains("new-checkout")).isTrue();
			assertThat(registry.status().healthy()).isTrue();
			assertThat(seen).hasSize(1);
		}
	}

	@Test
	void closedRegistryNoLongerFollowsTheStore() {
		InMemoryFlagStore store = new InMemoryFlagStore();
		FlagRegistry registry = new FlagRegistry(store);
		registry.close();
		store.save(flag("new-checkout", 25), 0);
		assertThat(registry.snapshot().contains("new-checkout")).isFalse();
	}

	private static Flag flag(String key, double rollout) {
		return Flag.builder(key).rollout(rollout).build();
	}

	private static Definitions document(Flag... flags) {
		return Definitions.of(List.of(flags), List.of());
	}

	/**
	 * A store that can be made to fail on every read, as a store whose server went away does.
	 */
	static final class FailingStore implements FlagStore {

		final InMemoryFlagStore delegate;

		private volatile @Nullable RuntimeException failure;

		volatile int subscriptions;

		FailingStore(Definitions document) {
			this.delegate = new InMemoryFlagStore(document);
		}

		void fail(RuntimeException failure) {
			this.failure = failure;
		}

		void recover() {
			this.failure = null;
		}

		private void check() {
			RuntimeException failure = this.failure;
			if (failure != null) {
				throw failure;
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
		public synchronized Subscription subscribe(StoreListener listener) {
			Subscription subscription = this.delegate.subscribe(listener);
			this.subscriptions++;
			return () -> {
				synchronized (this) {
					subscription.close();
					this.subscriptions--;
				}
			};
		}

	}

}
