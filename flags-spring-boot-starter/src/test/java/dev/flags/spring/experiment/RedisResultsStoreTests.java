package dev.flags.spring.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.flags.core.experiment.ExperimentData;
import dev.flags.core.experiment.ExperimentDesign;
import dev.flags.core.experiment.ExperimentTally;
import dev.flags.core.experiment.InMemoryResultsStore;
import dev.flags.core.experiment.Metric;
import dev.flags.core.experiment.MetricKind;
import dev.flags.core.experiment.ResultsStore;
import dev.flags.core.experiment.SequentialState;
import dev.flags.core.experiment.VariantStatistics;
import dev.flags.spring.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link RedisResultsStore} against a {@code redis-server} of the test's own: it agrees
 * with the in-memory store, and two instances recording for the same users at once lose nothing.
 */
class RedisResultsStoreTests {

	private static final ExperimentDesign DESIGN = ExperimentDesign.of("control",
			Map.of("control", 50.0, "treatment", 50.0), Metric.binomial("subscribed", 0.1),
			Metric.continuous("revenue", 0.1));

	private static RedisServer server;

	private static LettuceConnectionFactory first;

	private static LettuceConnectionFactory second;

	@BeforeAll
	static void start() {
		server = RedisServer.start();
		first = connect();
		second = connect();
	}

	@AfterAll
	static void stop() {
		first.destroy();
		second.destroy();
		server.close();
	}

	@BeforeEach
	void flush() {
		new StringRedisTemplate(first).execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
	}

	@Test
	void agreesWithTheInMemoryStore() {
		ResultsStore redis = new RedisResultsStore(first, "flags");
		ResultsStore memory = new InMemoryResultsStore();
		Random random = new Random(11);
		for (int step = 0; step < 3000; step++) {
			String unit = "u" + random.nextInt(400);
			int action = random.nextInt(4);
			if (action == 0) {
				String variant = random.nextBoolean() ? "control" : "treatment";
				assertThat(redis.recordExposure("pricing", unit, variant))
					.isEqualTo(memory.recordExposure("pricing", unit, variant));
			}
			else if (action == 1) {
				assertThat(redis.recordEvent("pricing", unit, "subscribed", MetricKind.BINOMIAL, 1))
					.isEqualTo(memory.recordEvent("pricing", unit, "subscribed", MetricKind.BINOMIAL, 1));
			}
			else {
				double amount = Math.round(random.nextDouble() * 20000) / 100.0 - 30;
				assertThat(redis.recordEvent("pricing", unit, "revenue", MetricKind.CONTINUOUS, amount))
					.isEqualTo(memory.recordEvent("pricing", unit, "revenue", MetricKind.CONTINUOUS, amount));
			}
		}
		ExperimentTally fromRedis = redis.tally("pricing");
		ExperimentTally fromMemory = memory.tally("pricing");
		assertThat(fromRedis.users()).isEqualTo(fromMemory.users());
		ExperimentData redisData = fromRedis.data(DESIGN);
		ExperimentData memoryData = fromMemory.data(DESIGN);
		for (String variant : List.of("control", "treatment")) {
			assertThat(redisData.statistics("subscribed", variant)).isEqualTo(memoryData.statistics("subscribed", variant));
			VariantStatistics r = redisData.statistics("revenue", variant);
			VariantStatistics m = memoryData.statistics("revenue", variant);
			assertThat(r.users()).isEqualTo(m.users());
			assertThat(r.sum()).isCloseTo(m.sum(), within(1e-9 * m.sumOfSquares()));
			assertThat(r.sumOfSquares()).isCloseTo(m.sumOfSquares(), within(1e-9 * m.sumOfSquares()));
		}
	}

	@Test
	void twoInstancesRecordingAtOnceLoseNothing() throws Exception {
		ResultsStore one = new RedisResultsStore(first, "flags");
		ResultsStore two = new RedisResultsStore(second, "flags");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (ResultsStore store : List.of(one, two, one, two)) {
				done.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < 100; i++) {
						store.recordExposure("pricing", "u" + (i % 10), (i % 2 == 0) ? "control" : "treatment");
						store.recordEvent("pricing", "u" + (i % 10), "revenue", MetricKind.CONTINUOUS, 1);
						store.recordEvent("pricing", "u" + (i % 10), "subscribed", MetricKind.BINOMIAL, 1);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		ExperimentTally tally = one.tally("pricing");
		assertThat(tally.totalUsers()).isEqualTo(10);
		ExperimentData data = tally.data(DESIGN);
		VariantStatistics control = data.statistics("revenue", "control");
		VariantStatistics treatment = data.statistics("revenue", "treatment");
		// Each thread exposes a unit before its events, so all 400 events count: 40 per user.
		assertThat(control.sum() + treatment.sum()).isEqualTo(400);
		assertThat(control.sumOfSquares() + treatment.sumOfSquares()).isEqualTo(10 * 40.0 * 40.0);
		assertThat(data.statistics("subscribed", "control").sum() + data.statistics("subscribed", "treatment").sum())
			.isEqualTo(10);
	}

	@Test
	void keepsTheSmallestSequentialPValueAcrossInstances() {
		ResultsStore one = new RedisResultsStore(first, "flags");
		ResultsStore two = new RedisResultsStore(second, "flags");
		one.mergeSequentialState("pricing", "a0.05-n5000", state(0.3));
		assertThat(two.mergeSequentialState("pricing", "a0.05-n5000", state(0.4))).isEqualTo(state(0.3));
		assertThat(two.mergeSequentialState("pricing", "a0.05-n5000", state(0.01))).isEqualTo(state(0.01));
		assertThat(one.sequentialState("pricing", "a0.05-n5000")).isEqualTo(state(0.01));
		assertThat(one.sequentialState("pricing", "a0.01-n5000")).isEqualTo(SequentialState.initial());
	}

	@Test
	void clearRemovesOnlyTheExperimentsKeys() {
		ResultsStore store = new RedisResultsStore(first, "flags");
		store.recordExposure("pricing", "u1", "control");
		store.recordExposure("other", "u1", "control");
		StringRedisTemplate redis = new StringRedisTemplate(first);
		assertThat(redis.keys("*")).containsExactlyInAnyOrder("{flags:experiment:pricing}:users",
				"{flags:experiment:pricing}:stats", "{flags:experiment:other}:users", "{flags:experiment:other}:stats");
		store.clear("pricing");
		assertThat(redis.keys("*")).containsExactlyInAnyOrder("{flags:experiment:other}:users",
				"{flags:experiment:other}:stats");
		assertThat(store.tally("pricing")).isEqualTo(ExperimentTally.empty());
	}

	private static SequentialState state(double p) {
		return new SequentialState(Map.of("subscribed", Map.of("treatment", p)));
	}

	private static LettuceConnectionFactory connect() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", server.port()),
				LettuceClientConfiguration.builder()
					.commandTimeout(Duration.ofSeconds(10))
					.shutdownQuietPeriod(Duration.ZERO)
					.shutdownTimeout(Duration.ZERO)
					.build());
		factory.afterPropertiesSet();
		return factory;
	}

}
