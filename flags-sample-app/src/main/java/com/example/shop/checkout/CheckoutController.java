package com.example.shop.checkout;

import com.example.shop.web.Page;
import dev.flags.spring.FeatureFlag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The checkout. The new one-page checkout is a release flag, {@code new-checkout}, rolled out to
 * staff first and then to a growing share of visitors; everyone else gets the classic checkout
 * through the fallback.
 */
@RestController
class CheckoutController {

	@FeatureFlag(value = "new-checkout", fallback = "classicCheckout")
	@GetMapping("/api/checkout")
	Checkout checkout() {
		return new Checkout("one-page", 1);
	}

	Checkout classicCheckout() {
		return new Checkout("classic", 3);
	}

	@FeatureFlag(value = "new-checkout", fallback = "classicCheckoutPage")
	@GetMapping(path = "/checkout", produces = MediaType.TEXT_HTML_VALUE)
	String checkoutPage() {
		return Page.render("Checkout", "<h1>Checkout</h1><p data-checkout=\"one-page\">The new one-page checkout: "
				+ "address, delivery and payment on one screen.</p><button>Pay now</button>");
	}

	String classicCheckoutPage() {
		return Page.render("Checkout", "<h1>Checkout</h1><p data-checkout=\"classic\">Step 1 of 3: your address.</p>"
				+ "<button>Next</button>");
	}

}
