package dev.flags.spring.redis;

import java.util.List;

import dev.flags.core.model.Definitions;
import dev.flags.spring.admin.AuditJourney;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of change made through the admin API of an application on the Redis store is
 * recorded in its audit stream, with who, why and what changed.
 */
@Timeout(60)
class RedisStoreAdminAuditTests {

	private static RedisServer server;

	private static RedisConnections connections;

	private static RedisConnectionFactory factory;

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

	@Test
	void everyKindOfChangeIsAnEntryOfTheAuditStream() {
		RedisFlagStoreOptions options = RedisFlagStoreOptions.defaults().withKeyPrefix("admin-audit");
		AuditJourney.run(RedisFlagStore.class, () -> {
			RedisFlagStore store = new RedisFlagStore(factory, options);
			store.seedIfEmpty(Definitions.empty());
			return store;
		});
		List<MapRecord<String, Object, Object>> entries = new StringRedisTemplate(factory).opsForStream()
			.range(RedisKeys.of(options.keyPrefix()).audit(), Range.unbounded());
		assertThat(entries).extracting((entry) -> entry.getValue().get("change"))
			.containsExactly(null, "CREATED", "UPDATED", "DISABLED", "ENABLED", "ROLLOUT_CHANGED", "DELETED");
		assertThat(entries.subList(1, 7)).allSatisfy((entry) -> assertThat(entry.getValue())
			.containsEntry("actor", "alice")
			.containsKeys("reason", "requestId", "changes", "time", "versionBefore", "versionAfter"));
	}

}
