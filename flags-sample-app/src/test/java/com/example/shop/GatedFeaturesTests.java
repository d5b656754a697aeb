package com.example.shop;

import com.example.shop.recommendations.Recommendations;
import dev.flags.test.FlagControl;
import dev.flags.test.FlagStates;
import dev.flags.test.FlagStatesTest;
import dev.flags.test.FlagVariants;
import dev.flags.test.WithFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Both states of every flag the shop gates, with the flags forced by the test support: the
 * decisions come from the annotations, not from the shipped definitions.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GatedFeaturesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Recommendations recommendations;

	@AfterEach
	void engineBack() {
		this.recommendations.simulateOutage(false);
	}

	@FlagStatesTest("new-checkout")
	void checkoutFollowsTheReleaseFlag(FlagStates states) throws Exception {
		String expected = states.isEnabled("new-checkout") ? "one-page" : "classic";
		assertThat(page("/checkout")).contains("data-checkout=\"" + expected + "\"");
		assertThat(page("/api/checkout")).contains("\"version\":\"" + expected + "\"");
	}

	@FlagStatesTest("recommendations")
	void recommendationsFollowTheKillSwitch(FlagStates states) throws Exception {
		this.recommendations.simulateOutage(true);
		String home = page("/");
		if (states.isEnabled("recommendations")) {
			assertThat(home).contains("data-recommendations-error");
		}
		else {
			assertThat(home).doesNotContain("data-recommendations-error")
				.contains("<div data-recommendations><span class=\"card\" data-product=\"kettle\">");
		}
	}

	@FlagStatesTest("eu-enterprise-discount")
	void discountFollowsTheEntitlement(FlagStates states) throws Exception {
		String home = page("/");
		if (states.isEnabled("eu-enterprise-discount")) {
			assertThat(home).contains("data-discount=\"eu-enterprise\"");
		}
		else {
			assertThat(home).doesNotContain("data-discount");
		}
	}

	@FlagStatesTest(variants = @FlagVariants(flag = "pricing-page", value = { "control", "annual-first" }, off = true))
	void pricingPageRendersEachVariant(FlagStates states) throws Exception {
		String variant = states.variant("pricing-page");
		assertThat(page("/pricing")).contains("data-variant=\"" + ((variant != null) ? variant : "control") + "\"");
	}

	@Test
	@WithFlag("new-checkout")
	void aVisitorWhoLosesTheNewCheckoutGetsTheClassicOneOnTheNextPage(FlagControl control) throws Exception {
		assertThat(page("/checkout")).contains("data-checkout=\"one-page\"");
		control.disable("new-checkout");
		assertThat(page("/checkout")).contains("data-checkout=\"classic\"");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
	}

}
