package dev.flags.test;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that flags forced by a test that fails are no longer forced after it, in tests without
 * Spring.
 */
class FailingTestTests {

	@Test
	void failingBodyStillRemovesTheForcedFlags() {
		FailingBody.flags = TestFlags.builder().off("new-checkout").build();
		EngineExecutionResults results = Runs.run(FailingBody.class);
		results.testEvents().assertStatistics((stats) -> stats.started(2).failed(2));
		assertThat(Runs.failureMessages(results)).containsExactly("failed with new-checkout on",
				"failed with new-checkout on");
		assertThat(FailingBody.flags.overrides().forced()).isEmpty();
		assertThat(FailingBody.flags.isEnabled("new-checkout")).isFalse();
	}

	@Test
	void failingBeforeEachStillRemovesTheForcedFlags() {
		FailingBeforeEach.flags = TestFlags.builder().off("new-checkout").build();
		EngineExecutionResults results = Runs.run(FailingBeforeEach.class);
		results.testEvents().assertStatistics((stats) -> stats.started(1).failed(1));
		assertThat(Runs.failureMessages(results)).containsExactly("set-up failed with new-checkout on");
		assertThat(FailingBeforeEach.flags.overrides().forced()).isEmpty();
	}

	@TestKitExample
	@ExtendWith(FlagsExtension.class)
	static class FailingBody {

		static TestFlags flags;

		@Test
		@WithFlag("new-checkout")
		void annotated() {
			assertThat(flags.isEnabled("new-checkout")).isTrue();
			throw new AssertionError("failed with new-checkout on");
		}

		@Test
		void flipped(FlagControl control) {
			control.enable("new-checkout");
			assertThat(flags.isEnabled("new-checkout")).isTrue();
			throw new IllegalStateException("failed with new-checkout on");
		}

	}

	@TestKitExample
	@WithFlag("new-checkout")
	static class FailingBeforeEach {

		static TestFlags flags;

		@BeforeEach
		void setUp() {
			String state = flags.isEnabled("new-checkout") ? "on" : "off";
			throw new IllegalStateException("set-up failed with new-checkout " + state);
		}

		@Test
		void neverRuns() {
		}

	}

}
