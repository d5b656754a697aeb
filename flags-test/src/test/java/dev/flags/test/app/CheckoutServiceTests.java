package dev.flags.test.app;

import dev.flags.test.FlagControl;
import dev.flags.test.FlagStates;
import dev.flags.test.FlagStatesTest;
import dev.flags.test.FlagStatesTest.Coverage;
import dev.flags.test.FlagVariants;
import dev.flags.test.TestFlags;
import dev.flags.test.WithFlag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit tests of {@link CheckoutService} that {@code docs/testing.md} shows: no Spring, the
 * flags of a {@link TestFlags}.
 */
class CheckoutServiceTests {

	private final TestFlags flags = TestFlags.builder()
		.off("new-checkout")
		.off("new-search")
		.experiment("pricing", "control", "treatment")
		.build();

	private final CheckoutService checkout = new CheckoutService(this.flags);

	@Test
	@WithFlag("new-checkout")
	void newCheckout() {
		assertThat(this.checkout.checkoutPage()).isEqualTo("checkout-v2");
	}

	@Test
	@WithFlag(value = "new-checkout", enabled = false)
	void oldCheckout() {
		assertThat(this.checkout.checkoutPage()).isEqualTo("checkout");
	}

	@Test
	@WithFlag(value = "pricing", variant = "treatment")
	void discountedPrice() {
		assertThat(this.checkout.price()).isEqualTo(90);
	}

	@FlagStatesTest("new-checkout")
	void checkoutPage(FlagStates states) {
		assertThat(this.checkout.checkoutPage())
			.isEqualTo(states.isEnabled("new-checkout") ? "checkout-v2" : "checkout");
	}

	@FlagStatesTest({ "new-checkout", "new-search" })
	void pages(FlagStates states) {
		assertThat(this.checkout.checkoutPage())
			.isEqualTo(states.isEnabled("new-checkout") ? "checkout-v2" : "checkout");
		assertThat(this.checkout.searchPage()).isEqualTo(states.isEnabled("new-search") ? "search-v2" : "search");
	}

	@FlagStatesTest(variants = @FlagVariants(flag = "pricing", value = { "control", "treatment" }, off = true))
	void price(FlagStates states) {
		assertThat(this.checkout.price()).isEqualTo("treatment".equals(states.variant("pricing")) ? 90 : 100);
	}

	@FlagStatesTest(value = { "cart", "search", "wishlist", "reviews", "chat" }, coverage = Coverage.ALL_PAIRS)
	void manyFlags(FlagStates states) {
		states.states().forEach((key, state) -> assertThat(this.flags.isEnabled(key)).isEqualTo(state.enabled()));
	}

	@Test
	@WithFlag("new-checkout")
	void userWhoLosesTheNewCheckoutGetsTheOldOne(FlagControl control) {
		assertThat(this.checkout.checkoutPage()).isEqualTo("checkout-v2");
		control.disable("new-checkout");
		assertThat(this.checkout.checkoutPage()).isEqualTo("checkout");
	}

}
