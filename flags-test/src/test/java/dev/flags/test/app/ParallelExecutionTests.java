package dev.flags.test.app;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flags.spring.FlagService;
import dev.flags.test.FlagControl;
import dev.flags.test.FlagOverrides;
import dev.flags.test.FlagStates;
import dev.flags.test.FlagStatesTest;
import dev.flags.test.FlagsExtension;
import dev.flags.test.Runs;
import dev.flags.test.TestFlags;
import dev.flags.test.TestKitExample;
import dev.flags.test.WithFlag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that forced flags are correct under JUnit's parallel execution: tests without Spring
 * force flags in their own {@link TestFlags} and run at the same time; Spring tests force flags
 * in the shared application context and JUnit runs them one at a time, because they take the
 * resource lock {@link FlagOverrides#LOCK}.
 */
@SpringBootTest(classes = TestApplication.class)
class ParallelExecutionTests {

	private static final int THREADS = 6;

	@Autowired
	private FlagOverrides overrides;

	@BeforeEach
	void reset() {
		PlainTests.allForced = new CountDownLatch(4);
		SpringTests.unlockedTogether = new CountDownLatch(2);
		SpringTests.active.set(0);
		SpringTests.maxActive.set(0);
		SpringTests.threads.clear();
	}

	@Test
	void testsWithoutSpringForceFlagsAtTheSameTimeEachInItsOwnTestFlags() {
		EngineExecutionResults results = Runs.runInParallel(THREADS, PlainTests.class);
		results.testEvents().assertStatistics((stats) -> stats.started(6).succeeded(6));
		assertThat(PlainTests.allForced.getCount()).isZero();
	}

	@Test
	void springTestsThatForceFlagsRunOneAtATime() {
		EngineExecutionResults results = Runs.runInParallel(THREADS, SpringTests.class);
		results.testEvents().assertStatistics((stats) -> stats.started(10).succeeded(10));
		assertThat(SpringTests.unlockedTogether.getCount()).as("tests without forced flags ran in parallel").isZero();
		assertThat(SpringTests.maxActive).as("tests forcing flags at the same time").hasValue(1);
		assertThat(SpringTests.threads).as("threads that ran tests forcing flags").hasSizeGreaterThan(1);
		assertThat(this.overrides.forced()).isEmpty();
	}

	@Test
	void flagControlInAParallelSpringTestNeedsTheLock() {
		EngineExecutionResults results = Runs.runInParallel(THREADS, ControlWithoutLock.class, ControlWithLock.class);
		results.testEvents().assertStatistics((stats) -> stats.started(2).succeeded(1).failed(1));
		assertThat(Runs.failureMessages(results)).singleElement()
			.satisfies((message) -> assertThat(message).contains("ControlWithoutLock.flips",
					"changes flags in an application context that tests running in parallel share",
					"@ResourceLock(FlagOverrides.LOCK)"));
	}

	@TestKitExample
	@Execution(ExecutionMode.CONCURRENT)
	static class PlainTests {

		static volatile CountDownLatch allForced;

		private final TestFlags flags = TestFlags.builder().off("new-checkout").build();

		@Test
		@WithFlag("new-checkout")
		void on1() {
			meetTheOthersThenExpect(true);
		}

		@Test
		@WithFlag("new-checkout")
		void on2() {
			meetTheOthersThenExpect(true);
		}

		@Test
		@WithFlag(value = "new-checkout", enabled = false)
		void off1() {
			meetTheOthersThenExpect(false);
		}

		@Test
		@WithFlag(value = "new-checkout", enabled = false)
		void off2() {
			meetTheOthersThenExpect(false);
		}

		@FlagStatesTest("new-checkout")
		void states(FlagStates states, FlagService service) {
			assertThat(service).isSameAs(this.flags);
			for (int i = 0; i < 100; i++) {
				assertThat(service.isEnabled("new-checkout")).isEqualTo(states.isEnabled("new-checkout"));
			}
		}

		private void meetTheOthersThenExpect(boolean enabled) {
			// All four tests hold their forced flags at once: each must still see its own.
			allForced.countDown();
			try {
				assertThat(allForced.await(30, TimeUnit.SECONDS)).as("all four tests running together").isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			for (int i = 0; i < 100; i++) {
				assertThat(this.flags.isEnabled("new-checkout")).isEqualTo(enabled);
			}
		}

	}

	@TestKitExample
	@SpringBootTest(classes = TestApplication.class)
	@Execution(ExecutionMode.CONCURRENT)
	static class SpringTests {

		static final AtomicInteger active = new AtomicInteger();

		static final AtomicInteger maxActive = new AtomicInteger();

		static final Set<String> threads = ConcurrentHashMap.newKeySet();

		static volatile CountDownLatch unlockedTogether;

		@Autowired
		private CheckoutService checkout;

		@Test
		@WithFlag("new-checkout")
		void on1() {
			expect("checkout-v2");
		}

		@Test
		@WithFlag("new-checkout")
		void on2() {
			expect("checkout-v2");
		}

		@Test
		@WithFlag("new-checkout")
		void on3() {
			expect("checkout-v2");
		}

		@Test
		@WithFlag(value = "new-checkout", enabled = false)
		void off1() {
			expect("checkout");
		}

		@Test
		@WithFlag(value = "new-checkout", enabled = false)
		void off2() {
			expect("checkout");
		}

		@Test
		@WithFlag(value = "new-checkout", enabled = false)
		void off3() {
			expect("checkout");
		}

		@FlagStatesTest("new-checkout")
		void states(FlagStates states) {
			expect(states.isEnabled("new-checkout") ? "checkout-v2" : "checkout");
		}

		@Test
		void unlocked1() throws InterruptedException {
			unlockedTogether.countDown();
			assertThat(unlockedTogether.await(30, TimeUnit.SECONDS)).isTrue();
		}

		@Test
		void unlocked2() throws InterruptedException {
			unlockedTogether.countDown();
			assertThat(unlockedTogether.await(30, TimeUnit.SECONDS)).isTrue();
		}

		private void expect(String page) {
			maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
			threads.add(Thread.currentThread().getName());
			try {
				for (int i = 0; i < 200; i++) {
					assertThat(this.checkout.checkoutPage()).isEqualTo(page);
				}
			}
			finally {
				active.decrementAndGet();
			}
		}

	}

	@TestKitExample
	@SpringBootTest(classes = TestApplication.class)
	@ExtendWith(FlagsExtension.class)
	static class ControlWithoutLock {

		@Test
		void flips(FlagControl control) {
			control.enable("new-checkout");
		}

	}

	@TestKitExample
	@SpringBootTest(classes = TestApplication.class)
	@ExtendWith(FlagsExtension.class)
	@ResourceLock(FlagOverrides.LOCK)
	static class ControlWithLock {

		@Autowired
		private CheckoutService checkout;

		@Test
		void flips(FlagControl control) {
			control.enable("new-checkout");
			assertThat(this.checkout.checkoutPage()).isEqualTo("checkout-v2");
		}

	}

}
