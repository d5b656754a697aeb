package dev.flags.spring.redis;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flags.core.audit.AuditJson;
import dev.flags.core.audit.AuditPage;
import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.Change;
import dev.flags.core.audit.FieldChange;
import dev.flags.core.lifecycle.FlagHistory;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.store.FlagWrite;
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
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The audit records of {@link RedisFlagStore}'s writes, in its stream and through its
 * {@link dev.flags.core.audit.AuditLog}, against a real Redis server.
 */
@Timeout(60)
class RedisAuditLogTests {

	private static final AtomicInteger prefixes = new AtomicInteger();

	private static final Instant NOW = Instant.parse("2026-11-30T10:15:30Z");

	private static RedisServer server;

	private static RedisConnections connections;

	private static RedisConnectionFactory factory;

	private RedisKeys keys;

	private StringRedisTemplate redis;

	private RedisFlagStore store;

	@BeforeAll
	static void startServer() {
		server = RedisServer.start();
		connections = new RedisConnections();
		factory = connections.connect(server.port());
	}

	@AfterAll
	static void stopServer() {
		connections.close();
		server.close();
	}

	@BeforeEach
	void createStore() {
		RedisFlagStoreOptions options = RedisFlagStoreOptions.defaults()
			.withKeyPrefix("audit-" + prefixes.incrementAndGet());
		this.keys = RedisKeys.of(options.keyPrefix());
		this.redis = new StringRedisTemplate(factory);
		this.store = new RedisFlagStore(factory, options, Clock.fixed(NOW, ZoneOffset.UTC));
		this.store.seedIfEmpty(Definitions.empty());
	}

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	@Test
	void everyKindOfChangeIsAuditedInTheStreamWithItsActorReasonAndChangedFields() {
		Instant time = Instant.parse("2026-12-01T08:00:00Z");
		Flag created = this.store.save(flag("payments"), 0, new Change("alice", "launch", time, "req-1")).flag();
		this.store.save(created.toBuilder().description("Card payments").rollout(50).build(), 1,
				change("bob", "describe and ramp"));
		this.store.save(stored("payments").withEnabled(false), 2, change("carol", "incident 42"));
		this.store.save(stored("payments").withEnabled(true), 3, change("carol", "incident over"));
		this.store.save(stored("payments").withRollout(BigDecimal.valueOf(75)), 4, change("dave", null));
		// The stored definition says who last wrote it, as the other stores' do
		assertThat(stored("payments").extra()).containsEntry(FlagHistory.UPDATED_BY, "dave");
		FlagWrite deleted = this.store.delete("payments", 5, change("erin", "released"));

		List<MapRecord<String, Object, Object>> entries = this.redis.opsForStream()
			.range(this.keys.audit(), Range.unbounded());
		assertThat(entries).hasSize(7);
		assertThat(entries.subList(1, 7)).extracting((entry) -> entry.getValue().get("change"))
			.containsExactly("CREATED", "UPDATED", "DISABLED", "ENABLED", "ROLLOUT_CHANGED", "DELETED");
		Map<Object, Object> create = entries.get(1).getValue();
		assertThat(create).containsEntry("type", "SAVED")
			.containsEntry("actor", "alice")
			.containsEntry("reason", "launch")
			.containsEntry("requestId", "req-1")
			.containsEntry("time", time.toString())
			.containsKeys("after", "changes");
		assertThat(AuditJson.readChanges((String) entries.get(3).getValue().get("changes")))
			.containsExactly(new FieldChange("enabled", true, false));
		assertThat(entries.get(5).getValue()).containsEntry("actor", "dave").doesNotContainKey("reason");
		assertThat(entries.get(6).getValue()).containsEntry("type", "DELETED").containsEntry("reason", "released");

		List<AuditRecord> records = this.store.auditLog().read(AuditQuery.recent(50)).records();
		assertThat(records).extracting(AuditRecord::type)
			.containsExactly(AuditRecord.Type.DELETED, AuditRecord.Type.ROLLOUT_CHANGED, AuditRecord.Type.ENABLED,
					AuditRecord.Type.DISABLED, AuditRecord.Type.UPDATED, AuditRecord.Type.CREATED);
		assertThat(records).extracting(AuditRecord::actor, AuditRecord::versionBefore, AuditRecord::versionAfter)
			.containsExactly(tuple("erin", 5L, 0L), tuple("dave", 4L, 5L), tuple("carol", 3L, 4L),
					tuple("carol", 2L, 3L), tuple("bob", 1L, 2L), tuple("alice", 0L, 1L));
		assertThat(records.get(0)).isEqualTo(deleted.audit());
		assertThat(records.get(0).id()).isEqualTo(entries.get(6).getId().getValue());
		assertThat(records.get(1).changes()).containsExactly(new FieldChange("rollout", 50, 75));
		assertThat(records.get(4).changes()).containsExactly(new FieldChange("description", "Flag payments",
				"Card payments"), new FieldChange("rollout", 25, 50));
		assertThat(records.get(5)).extracting(AuditRecord::time, AuditRecord::reason, AuditRecord::requestId)
			.containsExactly(time, "launch", "req-1");
	}

	@Test
	void refusedWritesLeaveNoRecord() {
		this.store.save(flag("payments"), 0, change("alice", null));
		assertThatExceptionOfType(VersionConflictException.class)
			.isThrownBy(() -> this.store.save(flag("payments"), 3, change("mallory", null)));
		assertThatExceptionOfType(VersionConflictException.class)
			.isThrownBy(() -> this.store.delete("payments", 2, change("mallory", null)));
		assertThat(this.store.auditLog().read(AuditQuery.recent(10)).records()).extracting(AuditRecord::actor)
			.containsExactly("alice");
	}

	@Test
	void recordsArePagedNewestFirstPerFlagAndOverall() {
		for (int version = 0; version < 4; version++) {
			this.store.save(flag("a").withRollout(BigDecimal.valueOf(version)), version, change("alice", "a" + version));
			this.store.save(flag("b").withRollout(BigDecimal.valueOf(version)), version, change("bob", "b" + version));
		}
		AuditPage first = this.store.auditLog().read(AuditQuery.of("a", 3));
		assertThat(first.records()).extracting(AuditRecord::reason).containsExactly("a3", "a2", "a1");
		AuditPage second = this.store.auditLog().read(AuditQuery.of("a", 3).before(first.next()));
		assertThat(second.records()).extracting(AuditRecord::reason).containsExactly("a0");
		assertThat(second.next()).isNull();
		AuditPage recent = this.store.auditLog().read(AuditQuery.recent(5));
		assertThat(recent.records()).extracting(AuditRecord::reason).containsExactly("b3", "a3", "b2", "a2", "b1");
		assertThat(this.store.auditLog().read(AuditQuery.recent(5).before(recent.next())).records())
			.extracting(AuditRecord::reason)
			.containsExactly("a1", "b0", "a0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.auditLog().read(AuditQuery.recent(5).before("yesterday")))
			.withMessageContaining("'yesterday'");
	}

	@Test
	void pagesReachPastManyRecordsOfOtherFlags() {
		this.store.save(flag("rare"), 0, change("alice", "first"));
		for (int version = 0; version < 450; version++) {
			this.store.save(flag("busy").withRollout(BigDecimal.valueOf(version % 100)), version, change("bob", null));
		}
		this.store.save(stored("rare").withEnabled(false), 1, change("alice", "second"));
		AuditPage page = this.store.auditLog().read(AuditQuery.of("rare", 1));
		assertThat(page.records()).extracting(AuditRecord::reason).containsExactly("second");
		assertThat(this.store.auditLog().read(AuditQuery.of("rare", 1).before(page.next())).records())
			.extracting(AuditRecord::reason)
			.containsExactly("first");
	}

	@Test
	void entriesWithoutTheNewerFieldsAreCompletedFromTheirJson() {
		this.store.save(flag("payments"), 0, Map.of("who", "a script"));
		Flag before = stored("payments");
		this.redis.opsForStream()
			.add(StreamRecords.string(Map.of("type", "SAVED", "key", "payments", "versionBefore", "1", "versionAfter",
					"2", "before", RedisDocuments.json(before), "after",
					RedisDocuments.json(before.withEnabled(false).withVersion(2L)), "time", NOW.toString(), "revision",
					"99"))
				.withStreamKey(this.keys.audit()));
		this.redis.opsForStream()
			.add(StreamRecords.string(Map.of("type", "SAVED", "key", "payments", "time", "not a time"))
				.withStreamKey(this.keys.audit()));
		List<AuditRecord> records = this.store.auditLog().read(AuditQuery.of("payments", 10)).records();
		assertThat(records).extracting(AuditRecord::type, AuditRecord::actor)
			.containsExactly(tuple(AuditRecord.Type.DISABLED, RedisAuditLog.UNKNOWN_ACTOR),
					tuple(AuditRecord.Type.CREATED, RedisAuditLog.UNKNOWN_ACTOR));
		assertThat(records.get(0).changes()).containsExactly(new FieldChange("enabled", true, false));
	}

	private Flag stored(String key) {
		return this.store.load().flag(key).orElseThrow();
	}

	private static Flag flag(String key) {
		return RedisFlagStoreTests.flag(key);
	}

	private static Change change(String actor, String reason) {
		return new Change(actor, reason, NOW, null);
	}

}
