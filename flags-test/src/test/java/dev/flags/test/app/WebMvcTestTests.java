package dev.flags.test.app;

import dev.flags.test.FlagStates;
import dev.flags.test.FlagStatesTest;
import dev.flags.test.FlagVariants;
import dev.flags.test.WithFlag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WithFlag} and {@link FlagStatesTest} in a {@code @WebMvcTest}: flags'
 * auto-configuration is part of the slice, and forced flags decide the requests.
 */
@WebMvcTest(CheckoutController.class)
@Import(CheckoutService.class)
class WebMvcTestTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void servesTheDefinedStateUnlessForced() {
		assertThat(this.mvc.get().uri("/checkout")).hasStatusOk().hasBodyTextEqualTo("checkout");
	}

	@Test
	@WithFlag("new-checkout")
	void servesTheForcedState() {
		assertThat(this.mvc.get().uri("/checkout")).hasStatusOk().hasBodyTextEqualTo("checkout-v2");
	}

	@Test
	@WithFlag(value = "pricing", variant = "treatment")
	void servesTheForcedVariantToEveryVisitor() {
		for (int visitor = 0; visitor < 5; visitor++) {
			assertThat(this.mvc.get().uri("/price")).hasStatusOk().hasBodyTextEqualTo("90");
		}
	}

	@FlagStatesTest(value = { "new-checkout", "new-search" },
			variants = @FlagVariants(flag = "pricing", value = { "control", "treatment" }))
	void servesEveryCombination(FlagStates states) {
		assertThat(this.mvc.get().uri("/checkout"))
			.hasBodyTextEqualTo(states.isEnabled("new-checkout") ? "checkout-v2" : "checkout");
		assertThat(this.mvc.get().uri("/search"))
			.hasBodyTextEqualTo(states.isEnabled("new-search") ? "search-v2" : "search");
		assertThat(this.mvc.get().uri("/price"))
			.hasBodyTextEqualTo("treatment".equals(states.variant("pricing")) ? "90" : "100");
	}

}
