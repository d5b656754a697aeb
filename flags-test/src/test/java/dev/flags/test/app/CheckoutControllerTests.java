package dev.flags.test.app;

import dev.flags.test.FlagControl;
import dev.flags.test.FlagStates;
import dev.flags.test.FlagStatesTest;
import dev.flags.test.WithFlag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web tests of {@link CheckoutController} that {@code docs/testing.md} shows: flags are
 * forced in the application context, which is not restarted.
 */
@WebMvcTest(CheckoutController.class)
@Import(CheckoutService.class)
class CheckoutControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	@WithFlag("new-checkout")
	void newCheckout() {
		assertThat(this.mvc.get().uri("/checkout")).hasBodyTextEqualTo("checkout-v2");
	}

	@Test
	@WithFlag(value = "pricing", variant = "treatment")
	void discountedPrice() {
		assertThat(this.mvc.get().uri("/price")).hasBodyTextEqualTo("90");
	}

	@FlagStatesTest("new-checkout")
	void checkout(FlagStates states) {
		assertThat(this.mvc.get().uri("/checkout"))
			.hasBodyTextEqualTo(states.isEnabled("new-checkout") ? "checkout-v2" : "checkout");
	}

	@Test
	@WithFlag("new-checkout")
	void userWhoLosesTheNewCheckoutGetsTheOldOne(FlagControl control) {
		assertThat(this.mvc.get().uri("/checkout")).hasBodyTextEqualTo("checkout-v2");
		control.disable("new-checkout");
		assertThat(this.mvc.get().uri("/checkout")).hasBodyTextEqualTo("checkout");
	}

}
