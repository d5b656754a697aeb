package com.example.shop;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pricing experiment over HTTP: visitors see a variant, subscribing is counted in it, and the
 * traffic simulator fills in the results at {@code /actuator/experiments/pricing-page}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PricingExperimentTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void aVisitorWhoSubscribesIsCountedInTheVariantTheySaw() throws Exception {
		String page = send("GET", "/pricing", 200);
		String variant = page.replaceAll("(?s).*data-variant=\"([^\"]+)\".*", "$1");
		assertThat(variant).isIn("control", "annual-first");
		Map<String, Object> before = metric(results(), "subscribed", variant);
		assertThat(send("POST", "/pricing/subscribe?plan=annual", 200)).contains("data-subscribed=\"annual\"");
		send("POST", "/pricing/subscribe?plan=annual", 200);
		Map<String, Object> after = metric(results(), "subscribed", variant);
		assertThat(number(after.get("users"))).isEqualTo(number(before.get("users")));
		assertThat(converted(after)).isEqualTo(converted(before) + 1);
		assertThat(send("POST", "/pricing/subscribe?plan=weekly", 400)).contains("No plan 'weekly'");
	}

	@Test
	void lookingAtOnesFlagsExposesNoOneSeeingThePricingPageDoes() throws Exception {
		long before = number(results().get("totalUsers"));
		HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		assertThat(send(visitor, "/my-flags")).contains("pricing-page");
		assertThat(number(results().get("totalUsers"))).isEqualTo(before);
		send(visitor, "/pricing");
		assertThat(number(results().get("totalUsers"))).isEqualTo(before + 1);
	}

	@Test
	void theSimulatorFillsInTheResults() throws Exception {
		long usersBefore = number(results().get("totalUsers"));
		Map<String, Object> simulated = map(json.readValue(send("POST", "/simulate?visitors=2000", 200), Map.class));
		assertThat(simulated).containsEntry("visitors", 2000)
			.containsEntry("results", "/actuator/experiments/pricing-page");
		Map<String, Object> results = results();
		assertThat(number(results.get("totalUsers"))).isEqualTo(usersBefore + 2000);
		assertThat((String) results.get("status")).isIn("KEEP_RUNNING", "VARIANT_WINS", "NO_DIFFERENCE");
		assertThat((String) results.get("explanation")).isNotBlank();
		List<Map<String, Object>> metrics = list(results.get("metrics"));
		assertThat(metrics).extracting((metric) -> metric.get("name")).containsExactly("subscribed", "revenue");
		for (Map<String, Object> metric : metrics) {
			assertThat(list(metric.get("variants"))).allSatisfy((variant) -> {
				assertThat(number(variant.get("users"))).isGreaterThan(700);
				assertThat(((Number) variant.get("mean")).doubleValue()).isGreaterThan(0);
			});
			Map<String, Object> comparison = list(metric.get("comparisons")).get(0);
			assertThat(comparison).containsEntry("variant", "annual-first").containsKeys("sequential", "fixedHorizon");
		}
		assertThat(send("POST", "/simulate?visitors=0", 400)).contains("between 1 and 100000");
	}

	private Map<String, Object> results() throws Exception {
		return map(json.readValue(send("GET", "/actuator/experiments/pricing-page", 200), Map.class));
	}

	private static Map<String, Object> metric(Map<String, Object> results, String name, String variant) {
		Map<String, Object> metric = list(results.get("metrics")).stream()
			.filter((candidate) -> name.equals(candidate.get("name")))
			.findFirst()
			.orElseThrow();
		return list(metric.get("variants")).stream()
			.filter((candidate) -> variant.equals(candidate.get("variant")))
			.findFirst()
			.orElseThrow();
	}

	private static long converted(Map<String, Object> variant) {
		return Math.round(((Number) variant.get("mean")).doubleValue() * number(variant.get("users")));
	}

	private String send(HttpClient visitor, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = visitor.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return response.body();
	}

	private String send(String method, String path, int status) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
		return response.body();
	}

	private static long number(Object value) {
		return ((Number) value).longValue();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

}
