package dev.flags.core.store;

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
