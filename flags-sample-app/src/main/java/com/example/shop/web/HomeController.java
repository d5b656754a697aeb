package com.example.shop.web;

import java.util.List;
import java.util.stream.Collectors;

import com.example.shop.account.Account;
import com.example.shop.account.Accounts;
import com.example.shop.catalog.Catalog;
import com.example.shop.catalog.Product;
import com.example.shop.recommendations.Recommendations;
import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagService;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The front page: the catalogue, recommendations, and who the visitor is.
 */
@RestController
class HomeController {

	private final Catalog catalog;

	private final Recommendations recommendations;

	private final Accounts accounts;

	private final FlagService flags;

	HomeController(Catalog catalog, Recommendations recommendations, Accounts accounts, FlagService flags) {
		this.catalog = catalog;
		this.recommendations = recommendations;
		this.accounts = accounts;
		this.flags = flags;
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String home() {
		FlagContext visitor = this.flags.currentContext();
		String key = (visitor.key() != null) ? visitor.key() : "anonymous";
		StringBuilder body = new StringBuilder("<h1>flags shop</h1>");
		body.append("<p>You are <b>").append(Page.escape(key)).append("</b>. Sign in as: ");
		for (Account account : this.accounts.all()) {
			body.append("<a href=\"/sign-in?user=").append(account.id()).append("\">")
				.append(Page.escape(account.name())).append("</a> · ");
		}
		body.append("<a href=\"/sign-out\">sign out</a></p>");
		if (this.flags.isEnabled("eu-enterprise-discount")) {
			body.append("<p data-discount=\"eu-enterprise\">Enterprise customers in the EU: 10&nbsp;% off everything.</p>");
		}
		body.append("<h2>Recommended for you</h2><div data-recommendations>");
		try {
			body.append(cards(this.recommendations.forVisitor(key)));
		}
		catch (RuntimeException ex) {
			body.append("<p class=\"off\" data-recommendations-error>Recommendations failed: ")
				.append(Page.escape(ex.getMessage())).append("</p>");
		}
		body.append("</div><h2>Catalogue</h2>").append(cards(this.catalog.all()));
		return Page.render("Shop", body.toString());
	}

	/**
	 * Simulates an outage of the recommendation engine, to try the kill switch.
	 * @param down whether the engine fails
	 * @return what is simulated now
	 */
	@PostMapping("/ops/recommendations-outage")
	String outage(@RequestParam boolean down) {
		this.recommendations.simulateOutage(down);
		return down ? "recommendation engine is down\n" : "recommendation engine is up\n";
	}

	private static String cards(List<Product> products) {
		return products.stream()
			.map((product) -> "<span class=\"card\" data-product=\"" + product.id() + "\">" + Page.escape(product.name())
					+ "<br>&euro;" + product.price() + "</span>")
			.collect(Collectors.joining());
	}

}
