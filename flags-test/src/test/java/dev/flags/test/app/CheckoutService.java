package dev.flags.test.app;

import dev.flags.spring.FlagService;

import org.springframework.stereotype.Service;

/**
 * Chooses the checkout and search pages and the price shown, by flag.
 */
@Service
public class CheckoutService {

	private final FlagService flags;

	CheckoutService(FlagService flags) {
		this.flags = flags;
	}

	/**
	 * The checkout page.
	 * @return {@code checkout-v2} with {@code new-checkout} on, else {@code checkout}
	 */
	public String checkoutPage() {
		return this.flags.isEnabled("new-checkout") ? "checkout-v2" : "checkout";
	}

	/**
	 * The search page.
	 * @return {@code search-v2} with {@code new-search} on, else {@code search}
	 */
	public String searchPage() {
		return this.flags.isEnabled("new-search") ? "search-v2" : "search";
	}

	/**
	 * The price of the basket.
	 * @return 90 in the {@code treatment} variant of {@code pricing}, else 100
	 */
	public int price() {
		return "treatment".equals(this.flags.variant("pricing", "control")) ? 90 : 100;
	}

}
