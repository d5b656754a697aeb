package dev.flags.core.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import dev.flags.core.audit.AuditPage;
import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.Change;
import dev.flags.core.audit.FieldChange;
import dev.flags.core.model.Condition;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The contract every {@link FlagStore} keeps: versioned writes, validation before anything is
 * stored, change events, and no lost update under racing writers.
 */
abstract class AbstractFlagStoreTests {

	static final long TIMEOUT_SECONDS = 30;

	private FlagStore store;

	private final List<StoreChange> changes = new CopyOnWriteArrayList<>();

	/**
	 * A new, empty store.
	 * @return the store
	 */
	protected abstract FlagStore createStore() throws Exception;

	@BeforeEach
	void createAndSubscribe() throws Exception {
		this.store = createStore();
		this.store.subscribe(this.changes::add);
	}

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	protected FlagStore store() {
		return this.store;
	}

	protected List<StoreChange> changes() {
		return this.changes;
	}

	@Test
	void createExpectsVersionZeroAndStoresVersionOne() {
		Flag stored = this.store.save(flag("new-checkout", 25), 0);
		assertThat(stored.version()).isEqualTo(1L);
		assertThat(stored.rollout()).isEqualByComparingTo("25");
		assertThat(this.store.load().flag("new-checkout")).contains(stored);
	}

	@Test
	void createIgnoresTheVersionTheFlagCarries() {
		Flag stored = this.store.save(flag("new-checkout", 25).withVersion(41L), 0);
		assertThat(stored.version()).isEqualTo(1L);
	}

	@Test
	void createOfAnExistingFlagIsRefused() {
		this.store.save(flag("new-checkout", 25), 0);
		assertThatExceptionOfType(VersionConflictException.class)
			.isThrownBy(() -> this.store.save(flag("new-checkout", 50), 0))
			.withMessageContaining("already exists at version 1")
			.satisfies((ex) -> assertThat(ex.currentVersion()).isEqualTo(1L));
		assertThat(this.store.load().flag("new-checkout").orElseThrow().rollout()).isEqualByComparingTo("25");
	}

	@Test
	void updateWithTheCurrentVersionRaisesIt() {
		this.store.save(flag("new-checkout", 25), 0);
		Flag updated = this.store.save(flag("new-checkout", 50), 1);
		assertThat(updated.version()).isEqualTo(2L);
		assertThat(this.store.load().flag("new-checkout")).contains(updated);
		assertThat(this.store.load().flags()).hasSize(1);
	}

	@Test
	void staleUpdateIsRefusedNamingTheCurrentVersion() {
		this.store.save(flag("new-checkout", 25), 0);
		this.store.save(flag("new-checkout", 50), 1);
		assertThatExceptionOfType(VersionConflictException.class)
			.isThrownBy(() -> this.store.save(flag("new-checkout", 75), 1))
			.withMessageContaining("'new-checkout' is at version 2, not 1")
			.satisfies((ex) -> {
				assertThat(ex.key()).isEqualTo("new-checkout");
				assertThat(ex.expectedVersion()).isEqualTo(1L);
				assertThat(ex.currentVersion()).isEqualTo(2L);
			});
		Flag kept = this.store.load().flag("new-checkout").orElseThrow();
		assertThat(kept.version()).isEqualTo(2L);
		assertThat(kept.rollout()).isEqualByComparingTo("50");
	}

	@Test
	void updateOfAMissingFlagIsRefused() {
		assertThatExceptionOfType(VersionConflictException.class)
			.isThrownBy(() -> this.store.save(flag("new-checkout", 25), 3))
			.withMessageContaining("'new-checkout' does not exist")
			.satisfies((ex) -> assertThat(ex.currentVersion()).isNull());
		assertThat(this.store.load().flags()).isEmpty();
	}

	@Test
	void negativeExpectedVersionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.save(flag("new-checkout", 25), -1))
			.withMessageContaining("expectedVersion");
		assertThat(this.store.load().flags()).isEmpty();
	}

	@Test
	void deleteWithTheCurrentVersionRemovesTheFlag() {
		this.store.save(flag("new-checkout", 25), 0);
		this.store.save(flag("dark-mode", 10), 0);
		this.store.delete("new-checkout", 1);
		assertThat(this.store.load().flag("new-checkout")).isEmpty();
		assertThat(this.store.load().flag("dark-mode")).isPresent();
	}

	@Test
	void deleteWithAnotherVersionIsRefused() {
		this.store.save(flag("new-checkout", 25), 0);
		this.store.save(flag("new-checkout", 50), 1);
		assertThatExceptionOfType(VersionConflictException.class)
			.isThrownBy(() -> this.store.delete("new-checkout", 1))
			.satisfies((ex) -> assertThat(ex.currentVersion()).isEqualTo(2L));
		assertThat(this.store.load().flag("new-checkout")).isPresent();
	}

	@Test
	void deleteOfAMissingFlagIsRefused() {
		assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> this.store.delete("nothing", 1))
			.withMessageContaining("'nothing' does not exist");
	}

	@Test
	void rolloutOutOfRangeIsRefusedAndNothingIsStored() {
		this.store.save(flag("new-checkout", 25), 0);
		long revision = this.store.revision();
		this.changes.clear();
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> this.store.save(flag("new-checkout", 150), 1))
			.withMessageContaining("flag 'new-checkout'")
			.withMessageContaining("rollout");
		assertThat(this.store.load().flag("new-checkout").orElseThrow().rollout()).isEqualByComparingTo("25");
		assertThat(this.store.revision()).isEqualTo(revision);
		assertThat(this.changes).isEmpty();
	}

	@Test
	void undeclaredVariantIsRefusedAndNothingIsStored() {
		Flag experiment = Flag.builder("button-color")
			.variants(Variant.of("control", 50), Variant.of("treatment", 50))
			.rule(Rule.variant("blue", Condition.of("plan", Operator.IN, "pro")))
			.build();
		assertThatExceptionOfType(InvalidDefinitionsException.class).isThrownBy(() -> this.store.save(experiment, 0))
			.withMessageContaining("flag 'button-color'")
			.withMessageContaining("blue");
		assertThat(this.store.load().flags()).isEmpty();
		assertThat(this.changes).isEmpty();
	}

	@Test
	void invalidKeyIsRefused() {
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> this.store.save(flag("Not A Key", 25), 0))
			.withMessageContaining("key");
		assertThat(this.store.load().flags()).isEmpty();
	}

	@Test
	void listenersAreToldOfEveryWriteWithItsTypeAndKey() {
		this.store.save(flag("new-checkout", 25), 0);
		this.store.save(flag("new-checkout", 50), 1);
		this.store.delete("new-checkout", 2);
		assertThat(this.changes).extracting(StoreChange::type, StoreChange::key)
			.containsExactly(tuple(StoreChange.Type.SAVED, "new-checkout"),
					tuple(StoreChange.Type.SAVED, "new-checkout"),
					tuple(StoreChange.Type.DELETED, "new-checkout"));
		assertThat(this.changes).extracting(StoreChange::revision).isSorted().doesNotHaveDuplicates();
		assertThat(this.changes.get(2).revision()).isEqualTo(this.store.revision());
	}

	@Test
	void refusedWritesAreNotReported() {
		this.store.save(flag("new-checkout", 25), 0);
		this.changes.clear();
		assertThatExceptionOfType(VersionConflictException.class)
			.isThrownBy(() -> this.store.save(flag("new-checkout", 50), 7));
		assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> this.store.delete("new-checkout", 7));
		assertThat(this.changes).isEmpty();
	}

	@Test
	void closedSubscriptionIsNoLongerTold() {
		List<StoreChange> seen = new ArrayList<>();
		FlagStore.Subscription subscription = this.store.subscribe(seen::add);
		this.store.save(flag("new-checkout", 25), 0);
		subscription.close();
		this.store.save(flag("new-checkout", 50), 1);
		assertThat(seen).hasSize(1);
	}

	@Test
	void failingListenerDoesNotBreakTheWriteNorTheOtherListeners() {
		this.store.subscribe((change) -> {
			throw new IllegalStateException("broken listener");
		});
		List<StoreChange> seen = new ArrayList<>();
		this.store.subscribe(seen::add);
		Flag stored = this.store.save(flag("new-checkout", 25), 0);
		assertThat(stored.version()).isEqualTo(1L);
		assertThat(seen).hasSize(1);
	}

	@Test
	void revisionMovesWithEveryWrite() {
		long initial = this.store.revision();
		this.store.save(flag("new-checkout", 25), 0);
		long afterSave = this.store.revision();
		this.store.delete("new-checkout", 1);
		assertThat(afterSave).isNotEqualTo(initial);
		assertThat(this.store.revision()).isNotEqualTo(afterSave);
	}

	@Test
	void writesKeepTheOtherFlagsAndSegments() {
		this.store.save(flag("dark-mode", 10), 0);
		this.store.save(flag("new-checkout", 25), 0);
		this.store.save(flag("dark-mode", 20), 1);
		Definitions document = this.store.load();
		assertThat(document.flags()).extracting(Flag::key).containsExactly("dark-mode", "new-checkout");
	}

	@Test
	void racingWritersOfOneVersionHaveExactlyOneWinner() throws Exception {
		this.store.save(flag("new-checkout", 10), 0);
		List<Object> outcomes = race(8, (i) -> () -> this.store.save(flag("new-checkout", 20 + i), 1));
		assertOneWinner(outcomes, this.store);
	}

	@Test
	void racingCreatorsOfOneFlagHaveExactlyOneWinner() throws Exception {
		List<Object> outcomes = race(8, (i) -> () -> this.store.save(flag("new-checkout", 20 + i), 0));
		assertThat(outcomes).filteredOn(Flag.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(VersionConflictException.class::isInstance).hasSize(7);
		assertThat(this.store.load().flag("new-checkout").orElseThrow().version()).isEqualTo(1L);
	}

	@Test
	void everyKindOfChangeIsAuditedWithItsActorReasonVersionsAndFields() {
		Instant time = Instant.parse("2026-11-30T10:15:30Z");
		Flag created = this.store.save(flag("new-checkout", 25), 0, new Change("alice", "launch", time, "req-1")).flag();
		assertThat(created).isNotNull();
		this.store.save(created.toBuilder().rollout(50).description("One-page checkout").build(), 1,
				change("bob", "ramp and describe"));
		this.store.save(flag("new-checkout", 50).toBuilder().description("One-page checkout").build(), 2,
				change("carol", null));
		FlagWrite disabled = this.store.save(this.store.load().flag("new-checkout").orElseThrow().withEnabled(false), 3,
				change("dave", "incident 42"));
		this.store.save(disabled.flag().withEnabled(true), 4, change("dave", "incident over"));
		FlagWrite ramped = this.store.save(this.store.load().flag("new-checkout").orElseThrow()
			.withRollout(BigDecimal.valueOf(75)), 5, change("erin", null));
		FlagWrite deleted = this.store.delete("new-checkout", 6, change("frank", "released"));
		assertThat(deleted.flag()).isNull();
		assertThat(deleted.audit().type()).isEqualTo(AuditRecord.Type.DELETED);
		assertThat(ramped.audit().type()).isEqualTo(AuditRecord.Type.ROLLOUT_CHANGED);

		List<AuditRecord> records = this.store.auditLog().read(AuditQuery.recent(50)).records();
		assertThat(records).extracting(AuditRecord::type)
			.containsExactly(AuditRecord.Type.DELETED, AuditRecord.Type.ROLLOUT_CHANGED, AuditRecord.Type.ENABLED,
					AuditRecord.Type.DISABLED, AuditRecord.Type.UPDATED, AuditRecord.Type.UPDATED,
					AuditRecord.Type.CREATED);
		assertThat(records).extracting(AuditRecord::actor)
			.containsExactly("frank", "erin", "dave", "dave", "carol", "bob", "alice");
		assertThat(records).extracting(AuditRecord::versionBefore).containsExactly(6L, 5L, 4L, 3L, 2L, 1L, 0L);
		assertThat(records).extracting(AuditRecord::versionAfter).containsExactly(0L, 6L, 5L, 4L, 3L, 2L, 1L);
		assertThat(records).extracting(AuditRecord::id).doesNotHaveDuplicates().doesNotContain("");
		AuditRecord create = records.get(6);
		assertThat(create).extracting(AuditRecord::flag, AuditRecord::time, AuditRecord::reason, AuditRecord::requestId)
			.containsExactly("new-checkout", time, "launch", "req-1");
		assertThat(create.changes()).contains(new FieldChange("key", null, "new-checkout"),
				new FieldChange("rollout", null, 25), new FieldChange("enabled", null, true));
		assertThat(create.changedFields()).doesNotContain("version");
		assertThat(records.get(5).changes()).containsExactly(
				new FieldChange("description", null, "One-page checkout"),
				new FieldChange("rollout", 25, 50));
		assertThat(records.get(4).changes()).as("a write that changes nothing but the version").isEmpty();
		assertThat(records.get(3).changes()).containsExactly(new FieldChange("enabled", true, false));
		assertThat(records.get(3).reason()).isEqualTo("incident 42");
		assertThat(records.get(1).changes())
			.containsExactly(new FieldChange("rollout", 50, 75));
		assertThat(records.get(0).changes()).contains(new FieldChange("description", "One-page checkout", null));
		assertThat(records.get(0).reason()).isEqualTo("released");
	}

	@Test
	void writesWithoutAChangeAreAuditedAsTheSystemsOwn() {
		this.store.save(flag("new-checkout", 25), 0);
		this.store.delete("new-checkout", 1);
		assertThat(this.store.auditLog().read(AuditQuery.recent(10)).records()).extracting(AuditRecord::actor)
			.containsOnly(Change.SYSTEM_ACTOR)
			.hasSize(2);
	}

	@Test
	void refusedWritesLeaveNoAuditRecord() {
		this.store.save(flag("new-checkout", 25), 0, change("alice", null));
		assertThatExceptionOfType(VersionConflictException.class)
			.isThrownBy(() -> this.store.save(flag("new-checkout", 50), 7, change("mallory", null)));
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> this.store.save(flag("new-checkout", 150), 1, change("mallory", null)));
		assertThatExceptionOfType(VersionConflictException.class)
			.isThrownBy(() -> this.store.delete("new-checkout", 3, change("mallory", null)));
		assertThatExceptionOfType(VersionConflictException.class)
			.isThrownBy(() -> this.store.delete("missing", 1, change("mallory", null)));
		assertThat(this.store.auditLog().read(AuditQuery.recent(10)).records()).extracting(AuditRecord::actor)
			.containsExactly("alice");
	}

	@Test
	void auditLogIsReadNewestFirstInPagesOfOneFlagOrOfAll() {
		for (int version = 0; version < 5; version++) {
			this.store.save(flag("a", version), version, change("alice", "a" + version));
			this.store.save(flag("b", version), version, change("bob", "b" + version));
		}
		AuditPage first = this.store.auditLog().read(AuditQuery.of("a", 2));
		assertThat(first.records()).extracting(AuditRecord::reason).containsExactly("a4", "a3");
		AuditPage second = this.store.auditLog().read(AuditQuery.of("a", 2).before(first.next()));
		assertThat(second.records()).extracting(AuditRecord::reason).containsExactly("a2", "a1");
		AuditPage last = this.store.auditLog().read(AuditQuery.of("a", 2).before(second.next()));
		assertThat(last.records()).extracting(AuditRecord::reason).containsExactly("a0");
		assertThat(last.next()).isNull();
		AuditPage recent = this.store.auditLog().read(AuditQuery.recent(3));
		assertThat(recent.records()).extracting(AuditRecord::reason).containsExactly("b4", "a4", "b3");
		assertThat(this.store.auditLog().read(AuditQuery.recent(3).before(recent.next())).records())
			.extracting(AuditRecord::reason)
			.containsExactly("a3", "b2", "a2");
		assertThat(this.store.auditLog().read(AuditQuery.recent(10)).next()).isNull();
		assertThat(this.store.auditLog().read(AuditQuery.of("none", 10)).records()).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.auditLog().read(AuditQuery.recent(10).before("not-an-id")))
			.withMessageContaining("'not-an-id'");
	}

	@Test
	void racingWritersLeaveOneAuditRecordPerWin() throws Exception {
		this.store.save(flag("new-checkout", 10), 0);
		List<Object> outcomes = race(8,
				(i) -> () -> this.store.save(flag("new-checkout", 20 + i), 1, change("writer-" + i, null)).flag());
		assertOneWinner(outcomes, this.store);
		List<AuditRecord> records = this.store.auditLog().read(AuditQuery.recent(50)).records();
		assertThat(records).hasSize(2);
		assertThat(records.get(0).versionBefore()).isEqualTo(1L);
		assertThat(records.get(0).changes()).singleElement()
			.satisfies((change) -> assertThat(new BigDecimal(String.valueOf(change.after())))
				.isEqualByComparingTo(this.store.load().flag("new-checkout").orElseThrow().rollout()));
	}

	static Change change(String actor, String reason) {
		return new Change(actor, reason, Instant.now(), null);
	}

	static void assertOneWinner(List<Object> outcomes, FlagStore store) {
		List<Flag> winners = outcomes.stream().filter(Flag.class::isInstance).map(Flag.class::cast).toList();
		assertThat(winners).hasSize(1);
		assertThat(outcomes).filteredOn((outcome) -> !(outcome instanceof Flag))
			.hasSize(outcomes.size() - 1)
			.allSatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(VersionConflictException.class,
					(conflict) -> assertThat(conflict.currentVersion()).isEqualTo(2L)));
		Flag stored = store.load().flag(winners.get(0).key()).orElseThrow();
		assertThat(stored.version()).isEqualTo(2L);
		assertThat(stored).isEqualTo(winners.get(0));
	}

	/**
	 * Runs tasks on their own threads, released together, and collects each result or the
	 * exception it threw.
	 */
	static List<Object> race(int threads, IntFunction<Callable<?>> task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CyclicBarrier start = new CyclicBarrier(threads);
			List<Future<Object>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Callable<?> callable = task.apply(i);
				futures.add(executor.submit(() -> {
					start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
					return callable.call();
				}));
			}
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : futures) {
				try {
					outcomes.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
				}
				catch (ExecutionException ex) {
					outcomes.add(ex.getCause());
				}
			}
			return outcomes;
		}
		finally {
			executor.shutdownNow();
		}
	}

	static Flag flag(String key, double rollout) {
		return Flag.builder(key).rollout(rollout).build();
	}

}
