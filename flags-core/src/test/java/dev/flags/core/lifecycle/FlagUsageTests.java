package dev.flags.core.lifecycle;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FlagUsage}.
 */
class FlagUsageTests {

	private final MutableClock clock = new MutableClock("2026-11-29T10:00:00.700Z");

	@Test
	void startsAtTheClocksSecond() {
		assertThat(new FlagUsage(this.clock).since()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
	}

	@Test
	void recordsTheTimeOfTheLastTick() {
		FlagUsage usage = new FlagUsage(this.clock);
		assertThat(usage.lastEvaluated("checkout")).isNull();
		usage.recordEvaluation("checkout");
		assertThat(usage.lastEvaluated("checkout")).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
		this.clock.advance(Duration.ofMinutes(5));
		usage.recordEvaluation("checkout");
		// The coarse clock has not moved: the timestamp is not written again.
		assertThat(usage.lastEvaluated("checkout")).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
		usage.tick();
		usage.recordEvaluation("checkout");
		assertThat(usage.lastEvaluated("checkout")).isEqualTo(Instant.parse("2026-11-29T10:05:00Z"));
	}

	@Test
	void keepsEveryKeyAskedForDefinedOrNot() {
		FlagUsage usage = new FlagUsage(this.clock);
		usage.recordEvaluation("checkout");
		usage.recordEvaluation("chekout");
		usage.recordEvaluation("checkout");
		assertThat(usage.keys()).containsExactlyInAnyOrder("checkout", "chekout");
	}

	@Test
	void tracksAtMostTheGivenNumberOfKeys() {
		FlagUsage usage = new FlagUsage(this.clock, 2);
		usage.recordEvaluation("a");
		usage.recordEvaluation("b");
		assertThat(usage.isFull()).isFalse();
		usage.recordEvaluation("c");
		assertThat(usage.keys()).containsExactlyInAnyOrder("a", "b");
		assertThat(usage.isFull()).isTrue();
		this.clock.advance(Duration.ofSeconds(2));
		usage.tick();
		usage.recordEvaluation("a");
		assertThat(usage.lastEvaluated("a")).isEqualTo(Instant.parse("2026-11-29T10:00:02Z"));
		assertThatIllegalArgumentException().isThrownBy(() -> new FlagUsage(this.clock, 0))
			.withMessageContaining("maxKeys");
	}

	@Test
	void recordingAKeyAlreadySeenAllocatesNothing() {
		FlagUsage usage = new FlagUsage(this.clock);
		String key = "checkout";
		usage.recordEvaluation(key);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		long threadId = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(threadId);
		for (int i = 0; i < 100_000; i++) {
			usage.recordEvaluation(key);
			if (i % 10_000 == 0) {
				this.clock.advance(Duration.ofSeconds(1));
				usage.tick();
			}
		}
		long allocated = threads.getThreadAllocatedBytes(threadId) - before;
		// what the clock and the measurement themselves may allocate, nothing per call
		assertThat(allocated).isLessThan(10_000);
	}

	@Test
	void concurrentRecordingLosesNoKey() throws Exception {
		FlagUsage usage = new FlagUsage(this.clock);
		ExecutorService executor = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				futures.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < 1000; i++) {
						usage.recordEvaluation("flag-" + (i % 100));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(usage.keys()).hasSize(100);
	}

}
