package com.example.shop.pricing;

import com.example.shop.web.Page;
import dev.flags.spring.FlagService;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pricing page: an experiment, {@code pricing-page}, between the control page (monthly price
 * first) and a treatment that shows the annual price first.
 */
@RestController
class PricingController {

	private final FlagService flags;

	PricingController(FlagService flags) {
		this.flags = flags;
	}

	@GetMapping(path = "/pricing", produces = MediaType.TEXT_HTML_VALUE)
	String pricing() {
		String variant = this.flags.variant("pricing-page", "control");
		String offer = "annual-first".equals(variant)
				? "<p class=\"price\">&euro;90 a year <small>(2 months free)</small></p><p>or &euro;9 a month</p>"
				: "<p class=\"price\">&euro;9 a month</p><p>or &euro;90 a year</p>";
		return Page.render("Pricing", "<h1>Shop Plus</h1><div data-variant=\"" + variant + "\">" + offer
				+ "<button>Subscribe</button></div>");
	}

}
