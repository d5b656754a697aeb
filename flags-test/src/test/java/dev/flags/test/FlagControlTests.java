package dev.flags.test;

import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FlagControl} in tests without Spring.
 */
@ExtendWith(FlagsExtension.class)
class FlagControlTests {

	private final TestFlags flags = TestFlags.builder()
		.on("new-checkout")
		.experiment("pricing", "control", "treatment")
		.currentContext(FlagContext.of("user-1"))
		.build();

	private final Checkout checkout = new Checkout(this.flags);

	@Test
	void userWhoHadTheFeatureLosesItAndTheOldPathTakesOver(FlagControl control) {
		assertThat(this.checkout.page()).isEqualTo("checkout-v2");
		control.disable("new-checkout");
		assertThat(this.checkout.page()).isEqualTo("checkout");
		control.enable("new-checkout");
		assertThat(this.checkout.page()).isEqualTo("checkout-v2");
	}

	@Test
	@WithFlag(value = "new-checkout", enabled = false)
	void resetGoesBackToTheDefinitionNotTheAnnotation(FlagControl control, FlagStates states) {
		assertThat(this.checkout.page()).isEqualTo("checkout");
		control.reset("new-checkout");
		assertThat(this.checkout.page()).isEqualTo("checkout-v2");
		assertThat(states.isEnabled("new-checkout")).isFalse();
	}

	@Test
	void switchesVariants(FlagControl control) {
		control.enable("pricing", "treatment");
		assertThat(this.flags.variant("pricing", "none")).isEqualTo("treatment");
		control.enable("pricing", "control");
		assertThat(this.flags.variant("pricing", "none")).isEqualTo("control");
	}

	@Test
	void refusedChangeLeavesTheFlagsAsTheyWere(FlagControl control) {
		control.disable("new-checkout");
		assertThatIllegalArgumentException().isThrownBy(() -> control.enable("pricing", "treatmnt"))
			.withMessageContaining("its variants are [control, treatment]");
		assertThat(this.flags.isEnabled("new-checkout")).isFalse();
		assertThat(this.flags.overrides().forced()).containsOnlyKeys("new-checkout");
	}

	@Test
	void changesAreUndoneAfterTheTest() {
		Flipping.flags = TestFlags.builder().on("new-checkout").build();
		EngineExecutionResults results = Runs.run(Flipping.class);
		results.testEvents().assertStatistics((stats) -> stats.started(1).succeeded(1));
		assertThat(Flipping.flags.overrides().forced()).isEmpty();
		assertThat(Flipping.flags.isEnabled("new-checkout")).isTrue();
	}

	@TestKitExample
	@ExtendWith(FlagsExtension.class)
	static class Flipping {

		static TestFlags flags;

		@Test
		void flips(FlagControl control) {
			control.disable("new-checkout");
			control.enable("other");
			assertThat(flags.isEnabled("new-checkout")).isFalse();
		}

	}

	/**
	 * Code under test: two paths behind a flag, decided on every call.
	 */
	record Checkout(FlagService flags) {

		String page() {
			return this.flags.isEnabled("new-checkout") ? "checkout-v2" : "checkout";
		}

	}

}
