package dev.flags.benchmarks.redis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.store.FlagStore;

/**
 * How long a change takes to reach another instance through Redis: from the moment instance A
 * starts saving a flag to the moment instance B installs the snapshot whose decision is the new
 * one. Both instances connect to a private {@code redis-server} started here; B has no periodic
 * refresh, so only the change event carries the change. The flag is flipped over and over, a
 * warm-up first, and the percentiles of the measured flips are printed.
 * <p>
 * Run with {@code java -cp flags-benchmarks/target/benchmarks.jar
 * dev.flags.benchmarks.redis.RedisPropagationLatency [flips]} (default 200).
 */
public final class RedisPropagationLatency {

	private static final String KEY = "checkout";

	private static final FlagContext USER = FlagContext.of("user-1");

	private static final int WARM_UP_FLIPS = 50;

	private RedisPropagationLatency() {
	}

	/**
	 * Runs the measurement and prints the result.
	 * @param args the number of measured flips, optionally
	 * @throws Exception when Redis cannot be started or a change does not arrive within 10 seconds
	 */
	public static void main(String[] args) throws Exception {
		int flips = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		Logs.warningsOnly();
		Definitions document = Definitions.of(List.of(Flag.builder(KEY).rollout(100).build()), List.of());
		long[] written = new long[flips];
		long[] propagated = new long[flips];
		try (RedisProcess redis = RedisProcess.start();
				RedisInstance a = RedisInstance.connect(redis.port(), document);
				RedisInstance b = RedisInstance.connect(redis.port(), document)) {
			for (int i = -WARM_UP_FLIPS; i < flips; i++) {
				Flag current = a.registry().snapshot().flag(KEY).orElseThrow();
				boolean next = !current.enabled();
				CompletableFuture<Long> decided = new CompletableFuture<>();
				FlagStore.Subscription subscription = b.registry().onSnapshot((snapshot) -> {
					if (snapshot.isEnabled(KEY, USER) == next) {
						decided.complete(System.nanoTime());
					}
				});
				long start = System.nanoTime();
				a.registry().save(current.withEnabled(next), current.currentVersion());
				long saved = System.nanoTime();
				long end = decided.get(10, TimeUnit.SECONDS);
				subscription.close();
				if (i >= 0) {
					written[i] = saved - start;
					propagated[i] = end - start;
				}
			}
		}
		System.out.printf(Locale.ROOT, "%d flips after %d to warm up; instance B refreshed by change events only%n",
				flips, WARM_UP_FLIPS);
		print("write on A (save returns)", written);
		print("write on A to decision on B", propagated);
	}

	private static void print(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "%-30s p50 %7.3f ms   p90 %7.3f ms   p99 %7.3f ms   max %7.3f ms   mean %7.3f ms%n",
				what, millis(percentile(sorted, 50)), millis(percentile(sorted, 90)), millis(percentile(sorted, 99)),
				millis(sorted[sorted.length - 1]), millis((long) Arrays.stream(sorted).average().orElse(0)));
	}

	/** The nearest-rank percentile of sorted values. */
	private static long percentile(long[] sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

}
