package com.example.shop;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.example.shop.recommendations.Recommendations;
import dev.flags.core.eval.Murmur3;
import dev.flags.core.model.Flag;
import dev.flags.core.registry.FlagRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor's journeys through the running shop, over HTTP: a feature on, off, ramped up, and
 * killed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShopJourneyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private FlagRegistry registry;

	@Autowired
	private Recommendations recommendations;

	private Flag checkoutAtStart;

	private Flag recommendationsAtStart;

	@BeforeEach
	void remember() {
		this.checkoutAtStart = this.registry.snapshot().flag("new-checkout").orElseThrow();
		this.recommendationsAtStart = this.registry.snapshot().flag("recommendations").orElseThrow();
	}

	@AfterEach
	void restore() {
		this.recommendations.simulateOutage(false);
		restore(this.checkoutAtStart);
		restore(this.recommendationsAtStart);
	}

	@Test
	void staffGetTheNewCheckoutThroughTheirRule() throws Exception {
		Visitor alice = new Visitor();
		alice.get("/sign-in?user=alice");
		assertThat(alice.get("/checkout")).contains("data-checkout=\"one-page\"");
		assertThat(alice.get("/api/checkout")).contains("\"version\":\"one-page\"");
		assertThat(alice.getJson("/my-flags")).contains("\"new-checkout\":{\"enabled\":true,\"variant\":null,\"reason\":\"RULE_MATCH\",\"rule\":0}");
	}

	@Test
	void customersOutsideTheRolloutGetTheClassicCheckout() throws Exception {
		// dara is not staff; whether 25 % admits her is decided by her bucket alone
		boolean admitted = Murmur3.bucket("new-checkout:dara") < 25_000;
		Visitor dara = new Visitor();
		dara.get("/sign-in?user=dara");
		assertThat(dara.get("/checkout")).contains(admitted ? "data-checkout=\"one-page\"" : "data-checkout=\"classic\"");
		setRollout("new-checkout", 0);
		assertThat(dara.get("/checkout")).contains("data-checkout=\"classic\"");
		assertThat(dara.get("/api/checkout")).contains("\"version\":\"classic\"");
	}

	@Test
	void rampingUpOnlyEverAddsVisitors() throws Exception {
		List<Visitor> visitors = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			visitors.add(new Visitor());
		}
		List<Boolean> before = new ArrayList<>();
		setRollout("new-checkout", 5);
		for (Visitor visitor : visitors) {
			before.add(visitor.get("/checkout").contains("one-page"));
		}
		setRollout("new-checkout", 50);
		int gained = 0;
		for (int i = 0; i < visitors.size(); i++) {
			boolean now = visitors.get(i).get("/checkout").contains("one-page");
			if (before.get(i)) {
				assertThat(now).as("visitor %d kept the new checkout", i).isTrue();
			}
			else if (now) {
				gained++;
			}
		}
		assertThat(gained).as("raising the rollout admitted new visitors").isPositive();
		setRollout("new-checkout", 100);
		for (Visitor visitor : visitors) {
			assertThat(visitor.get("/checkout")).contains("data-checkout=\"one-page\"");
		}
	}

	@Test
	void theKillSwitchStopsCallingAFailingDependency() throws Exception {
		Visitor visitor = new Visitor();
		assertThat(visitor.get("/")).contains("<div data-recommendations><span class=\"card\"");
		this.recommendations.simulateOutage(true);
		assertThat(visitor.get("/")).contains("data-recommendations-error");
		// on-call flips the kill switch through the actuator: a high-impact change, confirmed with a reason
		post("/actuator/flags/recommendations", "{\"enabled\": false, \"expectedVersion\": "
				+ version("recommendations") + ", \"confirm\": true, \"reason\": \"engine down\"}");
		int calls = this.recommendations.engineCalls();
		String page = visitor.get("/");
		assertThat(page).doesNotContain("data-recommendations-error")
			.contains("<div data-recommendations><span class=\"card\" data-product=\"kettle\">");
		assertThat(this.recommendations.engineCalls()).as("the engine is not called").isEqualTo(calls);
	}

	@Test
	void theFlagsEndpointShowsWhichFlagsAreDueForRemoval() throws Exception {
		JsonNode flags = JSON.readTree(new Visitor().getJson("/actuator/flags"));
		List<String> stale = new ArrayList<>();
		flags.get("stale").values().forEach((flag) -> stale.add(flag.get("key").asString()));
		// holiday-banner is kept fully on and past its expiry on purpose; permanent kinds are never listed
		assertThat(stale).contains("holiday-banner")
			.doesNotContain("recommendations", "eu-enterprise-discount", "search-index-v2");
		JsonNode banner = flags.get("stale").values().stream()
			.filter((flag) -> flag.get("key").asString().equals("holiday-banner"))
			.findFirst()
			.orElseThrow();
		assertThat(banner.get("reason").asString()).isEqualTo("FULLY_ON");
		assertThat(banner.get("description").asString()).contains("past its expiresAt 2026-09-30");
		assertThat(banner.get("action").asString()).isEqualTo("remove the flag and its off path");
		assertThat(flags.get("references").get("undefined").values()).isEmpty();
	}

	private void setRollout(String key, double rollout) throws IOException, InterruptedException {
		post("/actuator/flags/" + key, "{\"rollout\": " + rollout + ", \"expectedVersion\": " + version(key) + "}");
	}

	private long version(String key) {
		return this.registry.snapshot().flag(key).orElseThrow().currentVersion();
	}

	private void post(String path, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("POST %s %s: %s", path, json, response.body()).isEqualTo(200);
	}

	private void restore(Flag original) {
		Flag current = this.registry.snapshot().flag(original.key()).orElseThrow();
		if (current.currentVersion() != original.currentVersion()) {
			this.registry.save(original, current.currentVersion());
		}
	}

	/** A browser: keeps its cookies, so an anonymous visitor keeps their id. */
	private final class Visitor {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();

		String get(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri(path)).GET().build());
		}

		String getJson(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build());
		}

		private String send(HttpRequest request) throws IOException, InterruptedException {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("%s", request.uri()).isEqualTo(200);
			return response.body();
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + ShopJourneyTests.this.port + path);
		}

	}

}
