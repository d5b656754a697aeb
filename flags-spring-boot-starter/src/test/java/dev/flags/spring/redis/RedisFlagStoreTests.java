package dev.flags.spring.redis;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Condition;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Segment;
import dev.flags.core.model.SegmentRule;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStoreException;
import dev.flags.core.store.StoreChange;
import dev.flags.core.store.VersionConflictException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RedisFlagStore} against a real Redis server. Each test works under a key
 * prefix of its own; stores {@code a} and {@code b} stand for two application instances, each
 * with its own connection factory.
 */
@Timeout(60)
class RedisFlagStoreTests {

	private static final AtomicInteger prefixes = new AtomicInteger();

	private static final Instant NOW = Instant.parse("2026-11-30T10:15:30Z");

	private static RedisServer server;

	private static RedisConnections connections;

	private static RedisConnectionFactory factoryA;

	private static RedisConnectionFactory factoryB;

	private RedisFlagStoreOptions options;

	private RedisKeys keys;

	private StringRedisTemplate redis;

	private RedisFlagStore a;

	private RedisFlagStore b;

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@BeforeAll
	static void startServer() {
		server = RedisServer.start();
		connections = new RedisConnections();
		factoryA = connections.connect(server.port());
		factoryB = connections.connect(server.port());
	}

	@AfterAll
	static void stopServer() {
		connections.close();
		server.close();
	}

	@BeforeEach
	void createStores() {
		this.options = RedisFlagStoreOptions.defaults().withKeyPrefix("test-" + prefixes.incrementAndGet());
		this.keys = RedisKeys.of(this.options.keyPrefix());
		this.redis = new StringRedisTemplate(factoryA);
		this.a = store(factoryA);
		this.b = store(factoryB);
	}

	@AfterEach
	void closeStores() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	@Test
	void savesFlagsAsTheSpecsJsonWithVersionOne() {
		this.a.seedIfEmpty(Definitions.empty());
		Flag stored = this.a.save(flag("new-checkout").withVersion(7L), 0);
		assertThat(stored.version()).isEqualTo(1L);
		assertThat(this.b.load().flags()).containsExactly(stored);
		String json = (String) this.redis.opsForHash().get(this.keys.flags(), "new-checkout");
		assertThat(DefinitionsCodec.readFlag(json)).isEqualTo(stored);
		assertThat(json).contains("\"version\":1").contains("\"rollout\":25");
	}

	@Test
	void updateRaisesTheVersionAndDeleteRemovesTheFlag() {
		this.a.seedIfEmpty(Definitions.empty());
		this.a.save(flag("search"), 0);
		Flag updated = this.a.save(flag("search").withEnabled(false), 1);
		assertThat(updated.version()).isEqualTo(2L);
		assertThat(this.b.load().flag("search")).contains(updated);
		this.b.delete("search", 2);
		assertThat(this.a.load().flags()).isEmpty();
	}

	@Test
	void staleWritesAreRefusedWithTheCurrentVersion() {
		this.a.seedIfEmpty(Definitions.empty());
		this.a.save(flag("search"), 0);
		this.a.save(flag("search").withRollout(BigDecimal.TEN), 1);
		assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> this.b.save(flag("search"), 1))
			.satisfies((ex) -> assertThat(ex.currentVersion()).isEqualTo(2L));
		assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> this.b.save(flag("search"), 0))
			.withMessageContaining("already exists at version 2");
		assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> this.b.delete("search", 1));
		assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> this.b.delete("missing", 1))
			.satisfies((ex) -> assertThat(ex.currentVersion()).isNull());
		assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> this.b.save(flag("missing"), 3))
			.withMessageContaining("does not exist");
		assertThat(this.a.load().flag("search").orElseThrow().rollout()).isEqualByComparingTo(BigDecimal.TEN);
	}

	@Test
	void invalidFlagsAreRefusedAndNothingIsWritten() {
		this.a.seedIfEmpty(Definitions.empty());
		long revision = this.a.revision();
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> this.a.save(flag("bad").withRollout(BigDecimal.valueOf(200)), 0))
			.withMessageContaining("flag 'bad'")
			.withMessageContaining("rollout");
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> this.a.save(flag("Not A Key"), 0))
			.withMessageContaining("not a valid flag key");
		assertThat(this.a.revision()).isEqualTo(revision);
		assertThat(this.redis.opsForHash().size(this.keys.flags())).isZero();
		assertThat(this.redis.opsForStream().size(this.keys.audit())).isEqualTo(1);
	}

	@Test
	void ofWritersRacingOnOneFlagExactlyOneWins() throws Exception {
		this.a.seedIfEmpty(Definitions.empty());
		this.a.save(flag("race"), 0);
		for (int round = 1; round <= 3; round++) {
			long expected = round;
			List<Callable<Flag>> writers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				RedisFlagStore store = (i % 2 == 0) ? this.a : this.b;
				BigDecimal rollout = BigDecimal.valueOf(i);
				writers.add(() -> store.save(flag("race").withRollout(rollout), expected));
			}
			List<Object> outcomes = race(writers);
			assertThat(outcomes).filteredOn(Flag.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(VersionConflictException.class::isInstance)
				.hasSize(7)
				.allSatisfy((ex) -> assertThat(((VersionConflictException) ex).currentVersion()).isEqualTo(expected + 1));
		}
		assertThat(this.a.load().flag("race").orElseThrow().version()).isEqualTo(4L);
		// The creation, then one record per round: losers leave no trace.
		assertThat(this.redis.opsForStream().size(this.keys.audit())).isEqualTo(1 + 1 + 3);
	}

	@Test
	void ofCreatorsRacingOnOneKeyExactlyOneWins() throws Exception {
		this.a.seedIfEmpty(Definitions.empty());
		List<Callable<Flag>> writers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			RedisFlagStore store = (i % 2 == 0) ? this.a : this.b;
			writers.add(() -> store.save(flag("fresh"), 0));
		}
		List<Object> outcomes = race(writers);
		assertThat(outcomes).filteredOn(Flag.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(VersionConflictException.class::isInstance).hasSize(7);
	}

	@Test
	void everyWriteAppendsAnAuditRecord() {
		this.a.seedIfEmpty(Definitions.empty());
		Flag created = this.a.save(flag("audited"), 0);
		Flag updated = this.a.save(flag("audited").withEnabled(false), 1, Map.of("actor", "alice", "reason", "incident"));
		this.b.delete("audited", 2);
		List<MapRecord<String, Object, Object>> records = this.redis.opsForStream()
			.range(this.keys.audit(), Range.unbounded());
		assertThat(records).hasSize(4);
		assertThat(records.get(0).getValue()).containsEntry("type", "SEEDED").containsEntry("flags", "0");
		Map<Object, Object> create = records.get(1).getValue();
		assertThat(create).containsEntry("type", "SAVED")
			.containsEntry("key", "audited")
			.containsEntry("versionBefore", "0")
			.containsEntry("versionAfter", "1")
			.containsEntry("time", NOW.toString())
			.doesNotContainKey("before");
		assertThat(DefinitionsCodec.readFlag((String) create.get("after"))).isEqualTo(created);
		Map<Object, Object> update = records.get(2).getValue();
		assertThat(update).containsEntry("versionBefore", "1")
			.containsEntry("versionAfter", "2")
			.containsEntry("actor", "alice")
			.containsEntry("reason", "incident");
		assertThat(DefinitionsCodec.readFlag((String) update.get("before"))).isEqualTo(created);
		assertThat(DefinitionsCodec.readFlag((String) update.get("after"))).isEqualTo(updated);
		Map<Object, Object> delete = records.get(3).getValue();
		assertThat(delete).containsEntry("type", "DELETED")
			.containsEntry("versionBefore", "2")
			.containsEntry("versionAfter", "0")
			.doesNotContainKey("after");
		assertThat(DefinitionsCodec.readFlag((String) delete.get("before"))).isEqualTo(updated);
		assertThat(records).extracting((record) -> Long.parseLong((String) record.getValue().get("revision")))
			.isSorted()
			.doesNotHaveDuplicates();
	}

	@Test
	void auditFieldsMayNotReplaceTheStandardOnes() {
		this.a.seedIfEmpty(Definitions.empty());
		assertThatIllegalArgumentException().isThrownBy(() -> this.a.save(flag("x"), 0, Map.of("versionAfter", "9")))
			.withMessageContaining("'versionAfter'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.a.save(flag("x"), 0, Map.of("before", "{}")))
			.withMessageContaining("'before'");
		assertThat(this.a.load().flags()).isEmpty();
	}

	@Test
	void theAuditStreamIsTrimmedWhenALengthIsSet() {
		RedisFlagStore trimmed = store(factoryA, this.options.withAuditMaxLength(1));
		trimmed.seedIfEmpty(Definitions.empty());
		int writes = 250;
		for (int version = 0; version < writes; version++) {
			trimmed.save(flag("busy").withRollout(BigDecimal.valueOf(version % 100)), version);
		}
		// Trimming is approximate: Redis drops whole nodes of the stream (100 entries by default).
		assertThat(this.redis.opsForStream().size(this.keys.audit())).isBetween(1L, (long) writes / 2);
	}

	@Test
	void revisionMovesWithEveryWriteAndOnlyThen() {
		this.a.seedIfEmpty(Definitions.empty());
		long seeded = this.a.revision();
		assertThat(seeded).isGreaterThanOrEqualTo(NOW.toEpochMilli());
		this.a.save(flag("one"), 0);
		assertThat(this.b.revision()).isEqualTo(seeded + 1);
		this.b.load();
		assertThat(this.a.revision()).isEqualTo(seeded + 1);
		assertThatExceptionOfType(VersionConflictException.class).isThrownBy(() -> this.a.save(flag("one"), 0));
		assertThat(this.a.revision()).isEqualTo(seeded + 1);
		this.b.delete("one", 1);
		assertThat(this.a.revision()).isEqualTo(seeded + 2);
	}

	@Test
	void anotherInstanceHearsEveryChangeAndItsOwnWritesOnce() throws Exception {
		BlockingQueue<StoreChange> heardByA = listen(this.a);
		BlockingQueue<StoreChange> heardByB = listen(this.b);
		this.a.seedIfEmpty(Definitions.empty());
		this.a.save(flag("shared"), 0);
		StoreChange saved = awaitChange(heardByB, StoreChange.Type.SAVED, "shared");
		assertThat(saved.revision()).isEqualTo(this.a.revision());
		this.a.delete("shared", 1);
		awaitChange(heardByB, StoreChange.Type.DELETED, "shared");
		this.b.save(flag("from-b"), 0);
		// Messages arrive in order, so A's own messages, had they been passed on, would be here first.
		awaitChange(heardByA, StoreChange.Type.SAVED, "from-b");
		assertThat(heardByA).extracting(StoreChange::key).doesNotContain("shared");
	}

	@Test
	void anyOtherMessageOnTheChannelMakesListenersCatchUp() throws Exception {
		this.a.seedIfEmpty(Definitions.empty());
		BlockingQueue<StoreChange> heardByB = listen(this.b);
		this.redis.opsForHash().put(this.keys.flags(), "by-hand", DefinitionsCodec.writeFlag(flag("by-hand")));
		long revision = this.redis.opsForValue().increment(this.keys.revision());
		this.redis.convertAndSend(this.keys.channel(), "reload");
		StoreChange change;
		do {
			change = awaitChange(heardByB, StoreChange.Type.EXTERNAL, null);
		}
		while (change.revision() != revision);
		assertThat(this.b.load().flag("by-hand")).isPresent();
	}

	@Test
	void aRegistryFollowsWritesMadeThroughAnotherInstance() throws Exception {
		this.a.seedIfEmpty(Definitions.of(List.of(flag("existing")), List.of()));
		FlagRegistry registry = new FlagRegistry(this.b);
		this.closeables.add(registry);
		BlockingQueue<FlagSnapshot> snapshots = new LinkedBlockingQueue<>();
		registry.onSnapshot(snapshots::add);
		this.a.save(flag("rollout-all").withRollout(BigDecimal.valueOf(100)), 0);
		FlagSnapshot snapshot = awaitSnapshot(snapshots, (candidate) -> candidate.contains("rollout-all"));
		assertThat(snapshot.isEnabled("rollout-all", FlagContext.of("user-1"))).isTrue();
		assertThat(registry.snapshot().contains("existing")).isTrue();
		this.a.delete("rollout-all", 1);
		awaitSnapshot(snapshots, (candidate) -> !candidate.contains("rollout-all"));
	}

	@Test
	void malformedJsonPutInByHandIsRejectedNamingTheKeyAndTheRegistryKeepsItsSnapshot() {
		this.a.seedIfEmpty(Definitions.of(List.of(flag("good")), List.of()));
		FlagRegistry registry = new FlagRegistry(this.b);
		this.closeables.add(registry);
		this.redis.opsForHash().put(this.keys.flags(), "broken", "{\"key\": \"broken\", \"rollout\": ");
		this.redis.opsForValue().increment(this.keys.revision());
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(this.b::load)
			.withMessageContaining("field 'broken' of hash '" + this.keys.flags() + "'")
			.withMessageContaining("malformed JSON");
		assertThat(registry.refresh()).isFalse();
		assertThat(registry.snapshot().keys()).containsExactly("good");
		assertThat(registry.status().healthy()).isFalse();
		assertThat(registry.status().lastError()).contains("'broken'");
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(() -> this.a.save(flag("other"), 0))
			.withMessageContaining("Cannot save flag 'other' while the stored document is invalid")
			.withMessageContaining("'broken'");
		this.redis.opsForHash().delete(this.keys.flags(), "broken");
		this.redis.opsForValue().increment(this.keys.revision());
		assertThat(registry.refresh()).isTrue();
		assertThat(registry.status().healthy()).isTrue();
	}

	@Test
	void invalidDefinitionsPutInByHandAreRejectedNamingEachField() {
		this.a.seedIfEmpty(Definitions.empty());
		this.redis.opsForHash().put(this.keys.flags(), "too-far", "{\"key\":\"too-far\",\"rollout\":200}");
		this.redis.opsForHash().put(this.keys.flags(), "renamed", "{\"key\":\"other\"}");
		this.redis.opsForHash().put(this.keys.flags(), "listed", "[1, 2]");
		this.redis.opsForHash().put(this.keys.segments(), "nested",
				"{\"key\":\"nested\",\"rules\":[{\"when\":[{\"op\":\"in_segment\",\"values\":[\"x\"]}]}]}");
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(this.a::load)
			.withMessageContaining("4 problems")
			.withMessageContaining("field 'too-far' of hash '" + this.keys.flags() + "': rollout: must be between 0 and 100")
			.withMessageContaining("field 'renamed' of hash '" + this.keys.flags() + "': holds the key 'other'")
			.withMessageContaining("field 'listed' of hash '" + this.keys.flags() + "': (flag): must be an object")
			.withMessageContaining("field 'nested' of hash '" + this.keys.segments() + "'")
			.withMessageContaining("segments do not nest");
	}

	@Test
	void segmentsAreStoredInTheirOwnHash() {
		Segment staff = Segment.of("staff", SegmentRule.of(Condition.of("email", Operator.ENDS_WITH, "@example.com")));
		Flag internal = flag("internal").toBuilder()
			.rollout(BigDecimal.ZERO)
			.rule(Rule.rollout(100, Condition.inSegment("staff")))
			.build();
		Definitions document = Definitions.of(List.of(internal), List.of(staff));
		this.a.seedIfEmpty(document);
		assertThat(this.redis.opsForHash().keys(this.keys.segments())).containsExactly("staff");
		Definitions loaded = this.b.load();
		assertThat(loaded.segments()).containsExactly(staff);
		assertThat(FlagSnapshot.of(loaded)
			.isEnabled("internal", FlagContext.builder("u").attribute("email", "ann@example.com").build())).isTrue();
	}

	@Test
	void aStoreThatWasNeverInitialisedIsNotAnEmptyDocument() {
		assertThatExceptionOfType(FlagStoreDataLostException.class).isThrownBy(this.a::load)
			.withMessageContaining("marker key '" + this.keys.marker() + "' is missing");
		assertThatExceptionOfType(FlagStoreDataLostException.class).isThrownBy(this.a::revision);
		assertThatExceptionOfType(FlagStoreDataLostException.class).isThrownBy(() -> this.a.save(flag("x"), 0));
		assertThat(this.redis.hasKey(this.keys.flags())).isFalse();
	}

	@Test
	void seedIfEmptyNeverOverwrites() {
		Definitions first = Definitions.of(List.of(flag("first")), List.of());
		assertThat(this.a.seedIfEmpty(first)).isTrue();
		assertThat(this.b.seedIfEmpty(Definitions.of(List.of(flag("second")), List.of()))).isFalse();
		assertThat(this.b.load()).isEqualTo(first);
		this.a.delete("first", 1);
		assertThat(this.a.seedIfEmpty(Definitions.of(List.of(flag("second")), List.of()))).isFalse();
		assertThat(this.a.load().flags()).isEmpty();
	}

	@Test
	void flagsWithoutTheirMarkerAreNeitherLoadedNorSeededOver() {
		this.a.seedIfEmpty(Definitions.of(List.of(flag("kept")), List.of()));
		this.redis.delete(this.keys.marker());
		assertThatExceptionOfType(FlagStoreDataLostException.class).isThrownBy(this.a::load)
			.withMessageContaining("though 1 flags and 0 segments are stored");
		assertThat(this.a.seedIfEmpty(Definitions.empty())).isFalse();
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(() -> this.a.restore(Definitions.empty()))
			.withMessageContaining("over existing data (marker missing, 1 flags, 0 segments)");
		assertThat(this.redis.opsForHash().keys(this.keys.flags())).containsExactly("kept");
	}

	@Test
	void restoreRefusesAStoreThatHoldsData() {
		this.a.seedIfEmpty(Definitions.empty());
		assertThatExceptionOfType(FlagStoreException.class)
			.isThrownBy(() -> this.a.restore(Definitions.of(List.of(flag("x")), List.of())))
			.withMessageContaining("Refusing to restore")
			.withMessageContaining("marker present, 0 flags, 0 segments");
		assertThat(this.a.load().flags()).isEmpty();
	}

	@Test
	void aRevisionKeyBrokenByHandStopsWritesBeforeAnythingIsWritten() {
		this.a.seedIfEmpty(Definitions.empty());
		this.redis.opsForValue().set(this.keys.revision(), "oops");
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(this.a::revision)
			.withMessageContaining("holds 'oops', not a number");
		this.redis.delete(this.keys.audit());
		this.redis.opsForValue().set(this.keys.audit(), "not a stream");
		this.redis.opsForValue().set(this.keys.revision(), "5");
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(() -> this.a.save(flag("x"), 0))
			.withMessageContaining("the key " + this.keys.audit() + " is a string, not a stream");
		assertThat(this.redis.opsForHash().size(this.keys.flags())).isZero();
		assertThat(this.redis.opsForValue().get(this.keys.revision())).isEqualTo("5");
	}

	@Test
	void needsALettuceConnectionFactory() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisFlagStore(otherConnectionFactory(), this.options))
			.withMessageContaining("needs a Lettuce connection factory");
	}

	private RedisFlagStore store(RedisConnectionFactory factory) {
		return store(factory, this.options);
	}

	private RedisFlagStore store(RedisConnectionFactory factory, RedisFlagStoreOptions options) {
		RedisFlagStore store = new RedisFlagStore(factory, options, Clock.fixed(NOW, ZoneOffset.UTC));
		this.closeables.add(store);
		return store;
	}

	/** A connection factory that is not Lettuce's, as Jedis' would be. */
	private static RedisConnectionFactory otherConnectionFactory() {
		return (RedisConnectionFactory) Proxy.newProxyInstance(RedisFlagStoreTests.class.getClassLoader(),
				new Class<?>[] { RedisConnectionFactory.class }, (proxy, method, args) -> {
					throw new UnsupportedOperationException(method.getName());
				});
	}

	static Flag flag(String key) {
		return Flag.builder(key).description("Flag " + key).rollout(BigDecimal.valueOf(25)).build();
	}

	static BlockingQueue<StoreChange> listen(RedisFlagStore store) {
		BlockingQueue<StoreChange> changes = new LinkedBlockingQueue<>();
		store.subscribe(changes::add);
		return changes;
	}

	/** Waits for a change of the given type and key, passing over others. */
	static StoreChange awaitChange(BlockingQueue<StoreChange> changes, StoreChange.Type type, String key)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			StoreChange change = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (change != null && change.type() == type && Objects.equals(change.key(), key)) {
				return change;
			}
		}
		throw new AssertionError("No " + type + " change for " + key + " within 10 seconds");
	}

	private static FlagSnapshot awaitSnapshot(BlockingQueue<FlagSnapshot> snapshots,
			Predicate<FlagSnapshot> condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			FlagSnapshot snapshot = snapshots.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (snapshot != null && condition.test(snapshot)) {
				return snapshot;
			}
		}
		throw new AssertionError("No matching snapshot within 10 seconds");
	}

	/** Runs the tasks released together by a latch; each outcome is a result or an exception. */
	private static List<Object> race(List<? extends Callable<?>> tasks) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
		try {
			CountDownLatch ready = new CountDownLatch(tasks.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (Callable<?> task : tasks) {
				futures.add(executor.submit(() -> {
					ready.countDown();
					go.await();
					try {
						return task.call();
					}
					catch (RuntimeException ex) {
						return ex;
					}
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : futures) {
				outcomes.add(future.get(10, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
