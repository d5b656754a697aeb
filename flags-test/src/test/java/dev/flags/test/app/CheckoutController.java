package dev.flags.test.app;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the pages of {@link CheckoutService}.
 */
@RestController
public class CheckoutController {

	private final CheckoutService checkout;

	CheckoutController(CheckoutService checkout) {
		this.checkout = checkout;
	}

	@GetMapping("/checkout")
	String checkout() {
		return this.checkout.checkoutPage();
	}

	@GetMapping("/search")
	String search() {
		return this.checkout.searchPage();
	}

	@GetMapping("/price")
	String price() {
		return String.valueOf(this.checkout.price());
	}

}
