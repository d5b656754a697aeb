package dev.flags.spring.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStore;
import dev.flags.core.store.FlagStoreException;
import dev.flags.core.store.StoreChange;
import dev.flags.core.store.VersionConflictException;
import dev.flags.spring.FlagService;
import dev.flags.spring.redis.FlagStoreDataLostException;
import dev.flags.spring.redis.RedisFlagStore;
import dev.flags.spring.redis.RedisServer;
import io.lettuce.core.resource.Delay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two instances of an application, each an application context of its own, sharing their flags
 * through one private Redis server, which the tests stop, kill and restart. Each test has a
 * server of its own.
 */
@Timeout(60)
class RedisSharedStoreTests {

	private static final FlagContext USER = FlagContext.of("user-1");

	private static final long AWAIT_SECONDS = 20;

	private RedisServer server;

	@BeforeEach
	void startServer() {
		this.server = RedisServer.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void aChangeOnOneInstanceReachesTheOtherThroughItsChangeEvent() {
		// Refreshes an hour apart: only the change event can bring the change this soon.
		ApplicationContextRunner instance = instance("flags.store.redis.seed=true", "flags.refresh-interval=1h");
		instance.run((a) -> instance.run((b) -> {
			CompletableFuture<String> heardOnB = installedOn(registry(b), (snapshot) -> !isOn(snapshot));
			Flag checkout = registry(a).snapshot().flag("checkout").orElseThrow();
			registry(a).save(checkout.withEnabled(false), checkout.currentVersion());
			assertThat(heardOnB.get(AWAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("flags-redis-events");
			assertThat(flags(b).isEnabled("checkout", USER)).isFalse();

			CompletableFuture<String> heardOnA = installedOn(registry(a), RedisSharedStoreTests::isOn);
			Flag off = registry(b).snapshot().flag("checkout").orElseThrow();
			registry(b).save(off.withEnabled(true), off.currentVersion());
			assertThat(heardOnA.get(AWAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("flags-redis-events");
			assertThat(flags(a).isEnabled("checkout", USER)).isTrue();
		}));
	}

	@Test
	void aChangeWhoseEventIsLostIsPickedUpByTheRefresh() {
		ApplicationContextRunner a = instance("flags.store.redis.seed=true", "flags.refresh-interval=1h");
		ApplicationContextRunner deaf = instance("flags.refresh-interval=50ms")
			.withBean(RedisConnectionFactory.class, () -> new DeafConnectionFactory(this.server.port()));
		a.run((first) -> deaf.run((second) -> {
			assertThat(registry(second).status().healthy()).isTrue();
			CompletableFuture<String> heard = installedOn(registry(second), (snapshot) -> !isOn(snapshot));
			Flag checkout = registry(first).snapshot().flag("checkout").orElseThrow();
			registry(first).save(checkout.withEnabled(false), checkout.currentVersion());
			assertThat(heard.get(AWAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("flags-refresh");
			assertThat(flags(second).isEnabled("checkout", USER)).isFalse();
		}));
	}

	@Test
	void ofWritersRacingOnTwoInstancesExactlyOneWinsAndBothSeeItsWrite() {
		ApplicationContextRunner instance = instance("flags.store.redis.seed=true", "flags.refresh-interval=1h");
		instance.run((a) -> instance.run((b) -> {
			Flag checkout = registry(a).snapshot().flag("checkout").orElseThrow();
			assertThat(registry(b).snapshot().flag("checkout")).contains(checkout);
			long version = checkout.currentVersion();
			List<Object> outcomes = race(() -> registry(a).save(checkout.withRollout(BigDecimal.valueOf(10)), version),
					() -> registry(b).save(checkout.withRollout(BigDecimal.valueOf(20)), version));
			assertThat(outcomes).filteredOn(Flag.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(VersionConflictException.class::isInstance).hasSize(1);
			Flag winner = (Flag) outcomes.stream().filter(Flag.class::isInstance).findFirst().orElseThrow();
			assertThat(winner.version()).isEqualTo(version + 1);
			Predicate<FlagSnapshot> won = (snapshot) -> snapshot.flag("checkout").filter(winner::equals).isPresent();
			awaitServed(registry(a), won);
			awaitServed(registry(b), won);
		}));
	}

	@Test
	void whileRedisIsDownEvaluationsKeepTheLastSnapshotAndWritesFailThenBothResync() {
		ApplicationContextRunner instance = instance("flags.store.redis.seed=true", "flags.refresh-interval=1h");
		instance.run((a) -> instance.run((b) -> {
			try (Evaluations evaluations = new Evaluations(flags(b), true)) {
				this.server.stop();
				long atStop = evaluations.count();
				Flag checkout = registry(a).snapshot().flag("checkout").orElseThrow();
				assertThatExceptionOfType(FlagStoreException.class)
					.isThrownBy(() -> registry(a).save(checkout.withEnabled(false), checkout.currentVersion()))
					.withMessageContaining("Could not save flag 'checkout' in Redis");
				assertThat(registry(b).refresh()).isFalse();
				FlagRegistry.Status down = registry(b).status();
				assertThat(down.healthy()).isFalse();
				assertThat(down.lastError()).contains("in Redis");
				assertThat(down.lastFailure()).isAfterOrEqualTo(down.lastSuccess());
				assertThat(down.age()).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
				assertThat(down.flags()).isEqualTo(1);
				assertThat(evaluations.count()).isGreaterThan(atStop);

				this.server.restart();
				evaluations.stopAndAssertNoFailures();
			}
			// Refreshes are an hour apart: only B's subscription, renewed, can bring A's change.
			CompletableFuture<String> heardOnB = installedOn(registry(b), (snapshot) -> !isOn(snapshot));
			Flag checkout = registry(a).snapshot().flag("checkout").orElseThrow();
			registry(a).save(checkout.withEnabled(false), checkout.currentVersion());
			heardOnB.get(AWAIT_SECONDS, TimeUnit.SECONDS);
			assertThat(registry(b).status().healthy()).isTrue();
			assertThat(flags(b).isEnabled("checkout", USER)).isFalse();
		}));
	}

	@Test
	void redisRestartedEmptyIsRestoredByExactlyOneInstanceAndBothServeTheSameFlags() {
		ApplicationContextRunner instance = instance("flags.store.redis.seed=true", "flags.refresh-interval=100ms");
		instance.run((a) -> instance.run((b) -> {
			Flag checkout = registry(a).snapshot().flag("checkout").orElseThrow();
			CompletableFuture<String> halfOnB = installedOn(registry(b), (snapshot) -> hasRollout(snapshot, 50));
			registry(a).save(checkout.withRollout(BigDecimal.valueOf(50)), checkout.currentVersion());
			halfOnB.get(AWAIT_SECONDS, TimeUnit.SECONDS);
			FlagSnapshot before = registry(b).snapshot();
			long revisionBefore = registry(b).status().revision();
			try (Evaluations evaluations = new Evaluations(flags(b), flags(b).isEnabled("checkout", USER))) {
				Predicate<FlagSnapshot> restored = (snapshot) -> snapshot.definitions().equals(before.definitions());
				CompletableFuture<String> restoredOnA = installedOn(registry(a), restored);
				CompletableFuture<String> restoredOnB = installedOn(registry(b), restored);
				this.server.kill();
				this.server.restart();
				restoredOnA.get(AWAIT_SECONDS, TimeUnit.SECONDS);
				restoredOnB.get(AWAIT_SECONDS, TimeUnit.SECONDS);
				evaluations.stopAndAssertNoFailures();
			}
			assertThat(registry(a).status().revision()).isGreaterThan(revisionBefore)
				.isEqualTo(registry(b).status().revision());
			assertThat(registry(a).snapshot().definitions()).isEqualTo(registry(b).snapshot().definitions())
				.isEqualTo(before.definitions());
			List<MapRecord<String, Object, Object>> audit = redis(a).opsForStream()
				.range("{flags}:audit", Range.unbounded());
			assertThat(audit).extracting((record) -> record.getValue().get("type")).containsExactly("RESTORED");
			// Versions survived, so a write based on what was read before the loss goes through.
			Flag current = registry(b).snapshot().flag("checkout").orElseThrow();
			assertThat(registry(b).save(current.withRollout(BigDecimal.valueOf(60)), current.currentVersion()).version())
				.isEqualTo(current.currentVersion() + 1);
		}));
	}

	@Test
	void withoutRestoreALossIsReportedAndTheFlagsAreKept() {
		ApplicationContextRunner instance = instance("flags.store.redis.seed=true", "flags.refresh-interval=1h",
				"flags.store.redis.restore-on-data-loss=false");
		instance.run((a) -> instance.run((b) -> {
			BlockingQueue<StoreChange> heardByB = listen(b);
			this.server.kill();
			this.server.restart();
			// B's registry heard the loss first, when B subscribed again and could not catch up.
			StoreChange loss = awaitChange(heardByB, StoreChange.Type.ERROR);
			assertThat(loss.error()).isInstanceOf(FlagStoreDataLostException.class);
			FlagRegistry.Status status = registry(b).status();
			assertThat(status.healthy()).isFalse();
			assertThat(status.lastError()).contains("lost its data");
			assertThat(flags(b).isEnabled("checkout", USER)).isTrue();
			new RedisStoreRecovery(registry(b), store(b), registry(b).snapshot().definitions(),
					properties(b).getStore().getRedis())
				.run();
			assertThat(redis(b).hasKey("{flags}:marker")).isFalse();
			Flag checkout = registry(a).snapshot().flag("checkout").orElseThrow();
			assertThatExceptionOfType(FlagStoreDataLostException.class)
				.isThrownBy(() -> registry(a).save(checkout.withEnabled(false), checkout.currentVersion()));
			assertThat(registry(a).snapshot().flag("checkout")).contains(checkout);
		}));
	}

	@Test
	void redisDownAtStartUpServesTheConfiguredFlagsThenSwitchesToTheStore() {
		this.server.kill();
		ApplicationContextRunner a = instance("flags.refresh-interval=100ms");
		ApplicationContextRunner seeding = instance("flags.store.redis.seed=true", "flags.refresh-interval=1h",
				"flags.definitions.flags.checkout.enabled=false");
		a.run((first) -> {
			assertThat(first).hasNotFailed();
			assertThat(flags(first).isEnabled("checkout", USER)).isTrue();
			FlagRegistry.Status status = registry(first).status();
			assertThat(status.healthy()).isFalse();
			assertThat(status.lastSuccess()).isNull();
			assertThat(status.lastError()).contains("in Redis");
			Flag checkout = registry(first).snapshot().flag("checkout").orElseThrow();
			assertThatExceptionOfType(FlagStoreException.class)
				.isThrownBy(() -> registry(first).save(checkout.withEnabled(false), 1));
			CompletableFuture<String> switched = installedOn(registry(first), (snapshot) -> !isOn(snapshot));
			this.server.restart();
			seeding.run((second) -> {
				assertThat(flags(second).isEnabled("checkout", USER)).isFalse();
				switched.get(AWAIT_SECONDS, TimeUnit.SECONDS);
				assertThat(registry(first).status().healthy()).isTrue();
				assertThat(registry(first).status().revision()).isEqualTo(registry(second).status().revision());
			});
		});
	}

	@Test
	void redisDownAtStartUpIsSeededOnceItAnswersWhenAsked() {
		this.server.kill();
		ApplicationContextRunner instance = instance("flags.store.redis.seed=true", "flags.refresh-interval=100ms");
		instance.run((context) -> {
			assertThat(registry(context).status().healthy()).isFalse();
			CompletableFuture<String> loaded = installedOn(registry(context), RedisSharedStoreTests::isOn);
			this.server.restart();
			loaded.get(AWAIT_SECONDS, TimeUnit.SECONDS);
			assertThat(registry(context).status().healthy()).isTrue();
			assertThat(registry(context).status().lastSuccess()).isNotNull();
			assertThat(redis(context).opsForHash().keys("{flags}:flags")).containsExactly("checkout");
		});
	}

	@Test
	void malformedJsonPutIntoRedisByHandIsRejectedAndReported() {
		ApplicationContextRunner instance = instance("flags.store.redis.seed=true", "flags.refresh-interval=1h");
		instance.run((context) -> {
			Flag checkout = registry(context).snapshot().flag("checkout").orElseThrow();
			BlockingQueue<StoreChange> heard = listen(context);
			StringRedisTemplate redis = redis(context);
			redis.opsForHash().put("{flags}:flags", "checkout", "{\"key\":\"checkout\",\"rollout\":");
			long revision = redis.opsForValue().increment("{flags}:rev");
			redis.convertAndSend("{flags}:events", "reload");
			// The registry refreshed on this change before the test's listener heard of it.
			while (awaitChange(heard, StoreChange.Type.EXTERNAL).revision() < revision) {
				// A catch-up from before the edit.
			}
			FlagRegistry.Status status = registry(context).status();
			assertThat(status.healthy()).isFalse();
			assertThat(status.lastError()).contains("Redis holds invalid flag definitions")
				.contains("field 'checkout' of hash '{flags}:flags'");
			assertThat(registry(context).snapshot().flag("checkout")).contains(checkout);
			assertThat(flags(context).isEnabled("checkout", USER)).isTrue();
			// Not taken for lost data: nothing is written over what was put there by hand.
			new RedisStoreRecovery(registry(context), store(context), registry(context).snapshot().definitions(),
					properties(context).getStore().getRedis())
				.run();
			assertThat(redis.opsForHash().get("{flags}:flags", "checkout")).isEqualTo("{\"key\":\"checkout\",\"rollout\":");
			assertThatExceptionOfType(FlagStoreException.class)
				.isThrownBy(() -> registry(context).save(checkout.withEnabled(false), checkout.currentVersion()))
				.withMessageContaining("while the stored document is invalid");
		});
	}

	/**
	 * An application instance on the test's Redis server, whose Lettuce connections try to
	 * reconnect every 50 ms, configured with the flag 'checkout' on for everyone.
	 */
	private ApplicationContextRunner instance(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, FlagsAutoConfiguration.class))
			.withBean(ClientResourcesBuilderCustomizer.class,
					() -> (builder) -> builder.reconnectDelay(Delay.constant(Duration.ofMillis(50))))
			.withPropertyValues("flags.store.type=redis", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + this.server.port(), "spring.data.redis.timeout=2s",
					"spring.data.redis.lettuce.shutdown-timeout=0", "flags.definitions.flags.checkout.rollout=100")
			.withPropertyValues(properties);
	}

	private static FlagRegistry registry(AssertableApplicationContext context) {
		return context.getBean(FlagRegistry.class);
	}

	private static FlagService flags(AssertableApplicationContext context) {
		return context.getBean(FlagService.class);
	}

	private static RedisFlagStore store(AssertableApplicationContext context) {
		return context.getBean(RedisFlagStore.class);
	}

	private static FlagsProperties properties(AssertableApplicationContext context) {
		return context.getBean(FlagsProperties.class);
	}

	private static StringRedisTemplate redis(AssertableApplicationContext context) {
		return new StringRedisTemplate(context.getBean(RedisConnectionFactory.class));
	}

	private static boolean isOn(FlagSnapshot snapshot) {
		return snapshot.isEnabled("checkout", USER);
	}

	private static boolean hasRollout(FlagSnapshot snapshot, int rollout) {
		return snapshot.flag("checkout").filter((flag) -> flag.rollout().intValue() == rollout).isPresent();
	}

	/**
	 * Completes with the name of the thread that installs the first snapshot matching the
	 * condition from now on.
	 */
	private static CompletableFuture<String> installedOn(FlagRegistry registry, Predicate<FlagSnapshot> condition) {
		CompletableFuture<String> installed = new CompletableFuture<>();
		FlagStore.Subscription subscription = registry.onSnapshot((snapshot) -> {
			if (condition.test(snapshot)) {
				installed.complete(Thread.currentThread().getName());
			}
		});
		installed.whenComplete((thread, ex) -> subscription.close());
		return installed;
	}

	/** Waits until the registry serves a snapshot matching the condition, now or later. */
	private static FlagSnapshot awaitServed(FlagRegistry registry, Predicate<FlagSnapshot> condition)
			throws Exception {
		CompletableFuture<String> installed = installedOn(registry, condition);
		FlagSnapshot current = registry.snapshot();
		if (!condition.test(current)) {
			installed.get(AWAIT_SECONDS, TimeUnit.SECONDS);
		}
		installed.cancel(false);
		return registry.snapshot();
	}

	/** Listens to an instance's store after its registry did, so the registry hears each change first. */
	private static BlockingQueue<StoreChange> listen(AssertableApplicationContext context) {
		BlockingQueue<StoreChange> changes = new LinkedBlockingQueue<>();
		store(context).subscribe(changes::add);
		return changes;
	}

	private static StoreChange awaitChange(BlockingQueue<StoreChange> changes, StoreChange.Type type)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
		while (System.nanoTime() < deadline) {
			StoreChange change = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (change != null && change.type() == type) {
				return change;
			}
		}
		throw new AssertionError("No " + type + " change within " + AWAIT_SECONDS + " seconds");
	}

	/** Runs the tasks released together; each outcome is a result or an exception. */
	private static List<Object> race(Callable<?>... tasks) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(tasks.length);
		try {
			CountDownLatch ready = new CountDownLatch(tasks.length);
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
			assertThat(ready.await(AWAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : futures) {
				outcomes.add(future.get(AWAIT_SECONDS, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * Evaluates the flag 'checkout' for one user on a thread of its own, over and over, as
	 * request threads would, and records every failure and every unexpected decision.
	 */
	private static final class Evaluations implements AutoCloseable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong count = new AtomicLong();

		private final AtomicLong unexpected = new AtomicLong();

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		private final Thread thread;

		Evaluations(FlagService flags, boolean expected) {
			this.thread = new Thread(() -> {
				while (this.running.get()) {
					try {
						if (flags.isEnabled("checkout", USER) != expected
								|| flags.evaluate("checkout", USER).enabled() != expected) {
							this.unexpected.incrementAndGet();
						}
					}
					catch (Throwable ex) {
						this.failure.compareAndSet(null, ex);
					}
					this.count.incrementAndGet();
					Thread.yield();
				}
			}, "evaluations");
			this.thread.start();
		}

		long count() {
			return this.count.get();
		}

		void stopAndAssertNoFailures() throws InterruptedException {
			close();
			assertThat(this.failure.get()).isNull();
			assertThat(this.unexpected.get()).isZero();
			assertThat(this.count.get()).isPositive();
		}

		@Override
		public void close() throws InterruptedException {
			this.running.set(false);
			this.thread.join(TimeUnit.SECONDS.toMillis(AWAIT_SECONDS));
		}

	}

	/**
	 * A connection factory whose subscriptions never deliver a message, as one silently cut
	 * would: its store hears no change event, however many are published.
	 */
	static final class DeafConnectionFactory extends LettuceConnectionFactory {

		DeafConnectionFactory(int port) {
			super(new RedisStandaloneConfiguration("127.0.0.1", port), LettuceClientConfiguration.builder()
				.commandTimeout(Duration.ofSeconds(2))
				.shutdownTimeout(Duration.ZERO)
				.build());
		}

		@Override
		public RedisConnection getConnection() {
			RedisConnection connection = super.getConnection();
			return (RedisConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { RedisConnection.class }, (proxy, method, args) -> {
						if (method.getName().equals("subscribe")) {
							return null;
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
