package com.example.shop.pricing;

import java.util.Locale;

import com.example.shop.web.Page;
import dev.flags.spring.FlagService;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pricing page: an experiment, {@code pricing-page}, between the control page (monthly price
 * first) and a treatment that shows the annual price first. Rendering the page exposes the visitor
 * to their variant; subscribing tracks the experiment's metrics, {@code subscribed} (did the
 * visitor subscribe) and {@code revenue} (what they pay).
 */
@RestController
class PricingController {

	static final String EXPERIMENT = "pricing-page";

	private final FlagService flags;

	PricingController(FlagService flags) {
		this.flags = flags;
	}

	@GetMapping(path = "/pricing", produces = MediaType.TEXT_HTML_VALUE)
	String pricing() {
		String variant = this.flags.variant(EXPERIMENT, "control");
		String offer = "annual-first".equals(variant)
				? "<p class=\"price\">&euro;90 a year <small>(2 months free)</small></p><p>or &euro;9 a month</p>"
				: "<p class=\"price\">&euro;9 a month</p><p>or &euro;90 a year</p>";
		String buttons = "<form method=\"post\" action=\"/pricing/subscribe\">"
				+ "<button name=\"plan\" value=\"monthly\">Subscribe monthly</button> "
				+ "<button name=\"plan\" value=\"annual\">Subscribe yearly</button></form>";
		return Page.render("Pricing", "<h1>Shop Plus</h1><div data-variant=\"" + variant + "\">" + offer + buttons
				+ "</div>");
	}

	@PostMapping(path = "/pricing/subscribe", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> subscribe(@RequestParam String plan) {
		Plan chosen = Plan.of(plan);
		if (chosen == null) {
			return ResponseEntity.badRequest()
				.body(Page.render("No such plan", "<p>No plan '" + Page.escape(plan)
						+ "'; choose 'monthly' or 'annual'.</p>"));
		}
		this.flags.track("subscribed");
		this.flags.track("revenue", chosen.price());
		return ResponseEntity.ok(Page.render("Subscribed", "<h1>Welcome to Shop Plus</h1><p data-subscribed=\""
				+ chosen.name().toLowerCase(Locale.ROOT) + "\">You pay &euro;" + (int) chosen.price() + " "
				+ chosen.period() + ".</p>"));
	}

	/**
	 * The plans on offer.
	 */
	enum Plan {

		MONTHLY(9, "a month"), ANNUAL(90, "a year");

		private final double price;

		private final String period;

		Plan(double price, String period) {
			this.price = price;
			this.period = period;
		}

		double price() {
			return this.price;
		}

		String period() {
			return this.period;
		}

		static @Nullable Plan of(String name) {
			return switch (name) {
				case "monthly" -> MONTHLY;
				case "annual" -> ANNUAL;
				default -> null;
			};
		}

	}

}
