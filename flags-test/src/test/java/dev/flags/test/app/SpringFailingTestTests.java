package dev.flags.test.app;

import dev.flags.spring.FlagService;
import dev.flags.test.FlagControl;
import dev.flags.test.FlagOverrides;
import dev.flags.test.FlagStates;
import dev.flags.test.FlagStatesTest;
import dev.flags.test.FlagsExtension;
import dev.flags.test.Runs;
import dev.flags.test.TestKitExample;
import dev.flags.test.WithFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that flags forced in a Spring test that fails are no longer forced after it, and that a
 * mistake in what is forced is reported clearly.
 */
@SpringBootTest(classes = TestApplication.class)
class SpringFailingTestTests {

	@Autowired
	private FlagService flags;

	@Autowired
	private FlagOverrides overrides;

	@Test
	void failingBodiesStillRemoveTheForcedFlags() {
		EngineExecutionResults results = Runs.run(FailingBodies.class);
		results.testEvents().assertStatistics((stats) -> stats.started(4).failed(4));
		assertThat(Runs.failureMessages(results)).containsOnly("failed with new-checkout on");
		assertThat(this.overrides.forced()).isEmpty();
		assertThat(this.flags.isEnabled("new-checkout")).isFalse();
	}

	@Test
	void unknownVariantFailsTheTestNamingTheVariants() {
		EngineExecutionResults results = Runs.run(UnknownVariant.class);
		results.testEvents().assertStatistics((stats) -> stats.started(1).failed(1));
		assertThat(Runs.failureMessages(results))
			.containsExactly(
					"Cannot force flag 'pricing' to variant 'treatmnt': its variants are [control, treatment]");
		assertThat(this.overrides.forced()).isEmpty();
	}

	@Test
	void contextWithoutFlagsFailsTheTestSayingWhy() {
		EngineExecutionResults results = Runs.run(ContextWithoutFlags.class);
		results.testEvents().assertStatistics((stats) -> stats.started(1).failed(1));
		assertThat(Runs.failureMessages(results)).singleElement()
			.satisfies((message) -> assertThat(message)
				.startsWith("Cannot force [new-checkout]: no FlagSnapshotProvider")
				.contains("a mocked FlagService cannot be forced"));
	}

	@TestKitExample
	@SpringBootTest(classes = TestApplication.class)
	@ExtendWith(FlagsExtension.class)
	static class FailingBodies {

		@Autowired
		private CheckoutService checkout;

		@Test
		@WithFlag("new-checkout")
		void annotated() {
			failWithNewCheckoutOn();
		}

		@Test
		void flipped(FlagControl control) {
			control.enable("new-checkout");
			failWithNewCheckoutOn();
		}

		@FlagStatesTest("new-checkout")
		void states(FlagStates states, FlagControl control) {
			control.enable("new-checkout");
			failWithNewCheckoutOn();
		}

		private void failWithNewCheckoutOn() {
			assertThat(this.checkout.checkoutPage()).isEqualTo("checkout-v2");
			throw new IllegalStateException("failed with new-checkout on");
		}

	}

	@TestKitExample
	@SpringBootTest(classes = TestApplication.class)
	static class UnknownVariant {

		@Test
		@WithFlag("new-checkout")
		@WithFlag(value = "pricing", variant = "treatmnt")
		void neverRuns() {
		}

	}

	@TestKitExample
	@SpringJUnitConfig(Object.class)
	static class ContextWithoutFlags {

		@Test
		@WithFlag("new-checkout")
		void neverRuns() {
		}

	}

}
