package dev.flags.benchmarks.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.flags.core.eval.Murmur3;
import dev.flags.core.model.Condition;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Rule;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.spring.autoconfigure.FlagRegistryRefresher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluation through {@link FlagRegistry#snapshot()} with one registry on the Redis store and one
 * on the in-memory store, side by side in one JVM: the same cost, as decisions read the
 * in-process snapshot and never the store. Both registries are refreshed every second in the
 * background, as the starter does with Redis, so the Redis one has its revision checks going on
 * meanwhile. Each call evaluates for the next of 1 024 users. The floor is one MurmurHash3 of
 * {@code flag:user} plus one map lookup.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RedisStoreEvaluationBenchmark {

	private static final int USERS = 1024;

	private RedisProcess redis;

	private RedisInstance instance;

	private FlagRegistry onRedis;

	private FlagRegistry inMemory;

	private FlagRegistryRefresher redisRefresher;

	private FlagRegistryRefresher memoryRefresher;

	private final FlagContext[] users = new FlagContext[USERS];

	private final String[] floorKeys = new String[USERS];

	private final Map<String, Flag> floorFlags = new HashMap<>();

	private int next;

	/**
	 * Starts Redis, seeds the store with the document the in-memory store holds, and loads both
	 * registries.
	 * @throws IOException when Redis cannot be started
	 */
	@Setup(Level.Trial)
	public void setUp() throws IOException {
		Logs.warningsOnly();
		Flag ramp = Flag.builder("checkout-ramp").rollout(25).build();
		Flag rule = Flag.builder("eu-pricing")
			.rule(Rule.rollout(100, Condition.of("country", Operator.IN, "DE", "FR", "NL")))
			.build();
		Definitions document = Definitions.of(List.of(ramp, rule), List.of());
		this.redis = RedisProcess.start();
		this.instance = RedisInstance.connect(this.redis.port(), document);
		this.onRedis = this.instance.registry();
		this.inMemory = new FlagRegistry(new InMemoryFlagStore(this.onRedis.snapshot().definitions()));
		this.redisRefresher = new FlagRegistryRefresher(this.onRedis, Duration.ofSeconds(1));
		this.memoryRefresher = new FlagRegistryRefresher(this.inMemory, Duration.ofSeconds(1));
		String[] countries = { "DE", "US", "FR", "JP" };
		for (int i = 0; i < USERS; i++) {
			this.users[i] = FlagContext.builder("user-" + i).attribute("country", countries[i % countries.length]).build();
			this.floorKeys[i] = "checkout-ramp:user-" + i;
		}
		this.floorFlags.put(ramp.key(), ramp);
	}

	/**
	 * Stops the refreshes and releases the stores and Redis.
	 */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.redisRefresher.close();
		this.memoryRefresher.close();
		this.inMemory.close();
		this.instance.close();
		this.redis.close();
	}

	/**
	 * A 25 % rollout on the Redis store: one hash per call.
	 * @return the decision
	 */
	@Benchmark
	public boolean rolloutOnRedis() {
		return this.onRedis.snapshot().isEnabled("checkout-ramp", nextUser());
	}

	/**
	 * The same rollout on the in-memory store.
	 * @return the decision
	 */
	@Benchmark
	public boolean rolloutInMemory() {
		return this.inMemory.snapshot().isEnabled("checkout-ramp", nextUser());
	}

	/**
	 * A rule on one attribute, on the Redis store.
	 * @return the decision
	 */
	@Benchmark
	public boolean ruleOnRedis() {
		return this.onRedis.snapshot().isEnabled("eu-pricing", nextUser());
	}

	/**
	 * The same rule on the in-memory store.
	 * @return the decision
	 */
	@Benchmark
	public boolean ruleInMemory() {
		return this.inMemory.snapshot().isEnabled("eu-pricing", nextUser());
	}

	/**
	 * The floor: a map lookup and one MurmurHash3 of {@code flag:user}, compared to the rollout.
	 * @return the decision
	 */
	@Benchmark
	public boolean floor() {
		int user = this.next++ & (USERS - 1);
		return this.floorFlags.get("checkout-ramp") != null && Murmur3.bucket(this.floorKeys[user]) < 25_000;
	}

	private FlagContext nextUser() {
		return this.users[this.next++ & (USERS - 1)];
	}

}
