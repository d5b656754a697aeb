package dev.flags.spring.actuate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.FlagService;
import dev.flags.spring.autoconfigure.FlagAuditEndpointAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsEndpointAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsGovernanceAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsHealthContributorAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsMetricsAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsWebAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The {@code flags} endpoint, health indicator and metrics of a web application, through
 * MockMvc, with writes allowed.
 */
@SpringBootTest(properties = { "management.endpoints.web.exposure.include=flags,flagaudit,health",
		"management.endpoint.flags.access=unrestricted", "management.endpoint.health.show-details=always",
		"flags.refresh-interval=0", "flags.write.enabled=true" })
@AutoConfigureMockMvc
class FlagsEndpointIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FlagRegistry registry;

	@Autowired
	private FailingFlagStore store;

	@Autowired
	private FlagService flags;

	@Autowired
	private MeterRegistry meterRegistry;

	@Test
	void listsEveryFlagWithItsState() throws Exception {
		Map<String, Object> body = body(perform(get("/actuator/flags"), 200));
		List<Map<String, Object>> listed = list(body.get("flags"));
		assertThat(listed).extracting((flag) -> flag.get("key"))
			.containsExactly("new-checkout", "search-ranking", "payments", "ramp", "stale", "guarded");
		Map<String, Object> checkout = listed.get(0);
		assertThat(checkout).containsEntry("kind", "release")
			.containsEntry("enabled", true)
			.containsEntry("rollout", 25)
			.containsEntry("rules", 3)
			.containsEntry("owner", "payments")
			.containsEntry("description", "One-page checkout")
			.containsEntry("createdAt", "2026-11-01T09:00:00Z")
			.containsEntry("expiresAt", "2027-01-31")
			.containsEntry("version", 3)
			.containsEntry("clientVisible", false)
			.doesNotContainKeys("variants", "lastChanged", "changedBy");
		assertThat(listed.get(1)).containsEntry("kind", "experiment")
			.containsEntry("variants", Map.of("control", 50, "treatment", 50))
			.containsEntry("version", 1);
	}

	@Test
	void showsOneFlagAsTheSpecsJson() throws Exception {
		String body = perform(get("/actuator/flags/new-checkout"), 200).getContentAsString();
		Flag shown = DefinitionsCodec.readFlag(body);
		assertThat(shown).isEqualTo(this.registry.snapshot().flag("new-checkout").orElseThrow());
		assertThat(body(perform(get("/actuator/flags/new-checkout"), 200))).containsEntry("version", 3)
			.containsKey("rules");
	}

	@Test
	void unknownFlagIsNotFound() throws Exception {
		assertThat(body(perform(get("/actuator/flags/no-such-flag"), 404))).containsEntry("error",
				"No flag 'no-such-flag' is defined");
		perform(get("/actuator/flags/no-such-flag/explain?key=user-42"), 404);
		perform(get("/actuator/flags/new-checkout/explained?key=user-42"), 404);
		perform(withJson(post("/actuator/flags/no-such-flag"), "{\"enabled\": false, \"expectedVersion\": 1}"), 404);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			key=user-7                         | true  | 0 | Staff first
			key=user-42&country=DE             | true  | 1 | EU launch
			key=user-42&groups=alpha&groups=beta | true  | 2 |
			""")
	void explainsTheDecidingRuleForAContextFromQueryParameters(String query, boolean enabled, int rule,
			String description) throws Exception {
		Map<String, Object> explanation = body(perform(get("/actuator/flags/new-checkout/explain?" + query), 200));
		assertThat(explanation).containsEntry("flag", "new-checkout")
			.containsEntry("enabled", enabled)
			.containsEntry("reason", "RULE_MATCH")
			.containsEntry("rule", rule)
			.containsEntry("version", 3);
		if (description != null) {
			assertThat(explanation).containsEntry("ruleDescription", description);
		}
		else {
			assertThat(explanation).doesNotContainKey("ruleDescription");
		}
	}

	@Test
	void explainsARolloutWithTheAttributesItWasGiven() throws Exception {
		Map<String, Object> explanation = body(
				perform(get("/actuator/flags/new-checkout/explain?key=user-42&country=US&plan=pro"), 200));
		FlagContext context = FlagContext.of("user-42", Map.of("country", "US", "plan", "pro"));
		Evaluation expected = this.registry.snapshot().evaluate("new-checkout", context);
		assertThat(expected.reason().name()).isEqualTo("ROLLOUT");
		assertThat(explanation).containsEntry("enabled", expected.enabled())
			.containsEntry("reason", "ROLLOUT")
			.doesNotContainKey("rule")
			.containsEntry("context", Map.of("key", "user-42", "attributes", Map.of("country", "US", "plan", "pro")));
	}

	@Test
	void explainsAnAnonymousContext() throws Exception {
		Map<String, Object> explanation = body(perform(get("/actuator/flags/new-checkout/explain"), 200));
		assertThat(explanation).containsEntry("reason", "NO_BUCKETING_KEY").containsEntry("enabled", false);
	}

	@Test
	void killSwitchTurnsAFlagOffAndOnAgain() throws Exception {
		// The registry's snapshot: the test thread is a request, whose decisions hold still.
		FlagContext user = FlagContext.of("user-1");
		assertThat(this.registry.snapshot().isEnabled("payments", user)).isTrue();
		long version = stored("payments").currentVersion();
		Map<String, Object> off = body(perform(withJson(post("/actuator/flags/payments"), "{\"enabled\": false, "
				+ "\"expectedVersion\": " + version + ", \"confirm\": true, \"reason\": \"provider down\"}"), 200));
		assertThat(off).containsEntry("enabled", false).containsEntry("version", (int) version + 1);
		assertThat(this.registry.snapshot().evaluate("payments", user).reason().name()).isEqualTo("DISABLED");
		assertThat(stored("payments").enabled()).isFalse();

		Map<String, Object> on = body(perform(withJson(post("/actuator/flags/payments"),
				"{\"enabled\": true, \"expectedVersion\": " + (version + 1) + ", \"reason\": \"provider back\"}"), 200));
		assertThat(on).containsEntry("enabled", true).containsEntry("version", (int) version + 2);
		assertThat(this.registry.snapshot().isEnabled("payments", user)).isTrue();
		assertThat(stored("payments").enabled()).isTrue();
	}

	@Test
	void rolloutIsChangedWithTheExpectedVersion() throws Exception {
		Map<String, Object> ramped = body(
				perform(withJson(post("/actuator/flags/ramp"), "{\"rollout\": 25.5, \"expectedVersion\": 1}"), 200));
		assertThat(ramped).containsEntry("rollout", 25.5).containsEntry("version", 2);
		Flag stored = stored("ramp");
		assertThat(stored.rollout()).isEqualByComparingTo("25.5");
		assertThat(stored.currentVersion()).isEqualTo(2);
		assertThat(this.registry.snapshot().flag("ramp")).contains(stored);
	}

	@Test
	void staleExpectedVersionIsAConflictAndChangesNothing() throws Exception {
		perform(withJson(post("/actuator/flags/stale"), "{\"enabled\": false, \"expectedVersion\": 1}"), 200);
		Flag before = stored("stale");
		Map<String, Object> conflict = body(
				perform(withJson(post("/actuator/flags/stale"), "{\"enabled\": true, \"expectedVersion\": 1}"), 409));
		assertThat(conflict).containsEntry("currentVersion", 2);
		assertThat((String) conflict.get("error")).contains("'stale'").contains("version 2, not 1");
		assertThat(stored("stale")).isEqualTo(before);
		assertThat(before.enabled()).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"rollout": 150, "expectedVersion": 1}      | rollout         | must be between 0 and 100 (was 150)
			{"rollout": -1, "expectedVersion": 1}       | rollout         | must be between 0 and 100 (was -1)
			{"rollout": 1.0001, "expectedVersion": 1}   | rollout         | at most 3 decimals are allowed
			{"rollout": "lots"}                         | rollout         | (was the string "lots")
			{"rollout": true}                           | rollout         | must be a number from 0 to 100
			{"enabled": "yes"}                          | enabled         | must be true or false (was the string "yes")
			{"enabled": 0}                              | enabled         | must be true or false
			{"enabled": false, "confirm": "yes"}        | confirm         | must be true or false
			{"enabled": false, "expectedVersion": 1.5}  | expectedVersion | must be a whole number of at least 1
			{"enabled": false, "expectedVersion": 0}    | expectedVersion | must be a whole number of at least 1
			{}                                          | enabled, rollout | nothing to change
			{"enable": false}                           | enabled, rollout | nothing to change
			""")
	void invalidChangeIsRefusedNamingTheFieldAndStoresNothing(String body, String field, String reason)
			throws Exception {
		Flag before = stored("guarded");
		long revision = this.store.revision();
		Map<String, Object> refused = body(perform(withJson(post("/actuator/flags/guarded"), body), 400));
		assertThat(list(refused.get("problems"))).singleElement().satisfies((problem) -> {
			assertThat(problem).containsEntry("field", field);
			assertThat((String) problem.get("reason")).contains(reason);
		});
		assertThat((String) refused.get("error")).startsWith("Flag 'guarded' was not changed: " + field);
		assertThat(stored("guarded")).isEqualTo(before);
		assertThat(this.store.revision()).isEqualTo(revision);
	}

	@Test
	void unreachableStoreRefusesTheWriteAndTheFlagKeepsServing() throws Exception {
		this.store.fail("connection refused");
		try {
			Map<String, Object> refused = body(perform(
					withJson(post("/actuator/flags/guarded"), "{\"enabled\": false, \"expectedVersion\": 1}"), 503));
			assertThat((String) refused.get("error")).contains("not changed").contains("connection refused");
			assertThat(this.flags.snapshot().flag("guarded").orElseThrow().enabled()).isTrue();
		}
		finally {
			this.store.recover();
		}
	}

	@Test
	void writeWithoutTheVersionItIsBasedOnIsRefused() throws Exception {
		Flag before = stored("guarded");
		Map<String, Object> refused = body(perform(withJson(post("/actuator/flags/guarded"), "{\"rollout\": 60}"), 428));
		assertThat((String) refused.get("error")).contains("expectedVersion");
		assertThat(list(refused.get("problems"))).singleElement().satisfies((problem) ->
				assertThat(problem).containsEntry("field", "expectedVersion"));
		assertThat(stored("guarded")).isEqualTo(before);
	}

	@Test
	void highImpactChangeIsRefusedUntilConfirmedWithAReason() throws Exception {
		Flag before = stored("payments");
		String off = "{\"enabled\": false, \"expectedVersion\": " + before.currentVersion();
		Map<String, Object> refused = body(perform(withJson(post("/actuator/flags/payments"), off + "}"), 428));
		assertThat((String) refused.get("error")).contains("turns off the kill switch 'payments'")
			.contains("\"confirm\": true")
			.contains("\"reason\"");
		assertThat(list(refused.get("problems"))).extracting((problem) -> problem.get("field"))
			.containsExactly("confirm", "reason");
		perform(withJson(post("/actuator/flags/payments"), off + ", \"confirm\": true}"), 428);
		perform(withJson(post("/actuator/flags/payments"), off + ", \"reason\": \"provider down\"}"), 428);
		assertThat(stored("payments")).isEqualTo(before);
		perform(withJson(post("/actuator/flags/payments"), off + ", \"confirm\": true, \"reason\": \"provider down\"}"), 200);
		perform(withJson(post("/actuator/flags/payments"),
				"{\"enabled\": true, \"expectedVersion\": " + (before.currentVersion() + 1) + "}"), 200);
	}

	@Test
	void writesAreAuditedAndTheAuditIsReadThroughTheAuditEndpoint() throws Exception {
		long version = stored("guarded").currentVersion();
		perform(withJson(post("/actuator/flags/guarded"),
				"{\"rollout\": 30, \"expectedVersion\": " + version + ", \"reason\": \"step 2\"}"), 200);
		Map<String, Object> page = body(perform(get("/actuator/flagaudit/guarded?limit=1"), 200));
		assertThat(list(page.get("records"))).singleElement().satisfies((record) -> {
			assertThat(record).containsEntry("type", "ROLLOUT_CHANGED")
				.containsEntry("flag", "guarded")
				.containsEntry("actor", "anonymous")
				.containsEntry("reason", "step 2")
				.containsEntry("versionBefore", (int) version)
				.containsEntry("versionAfter", (int) version + 1);
			assertThat(list(record.get("changes"))).singleElement()
				.satisfies((change) -> assertThat(change).containsEntry("field", "rollout").containsEntry("after", 30));
		});
		Map<String, Object> recent = body(perform(get("/actuator/flagaudit?limit=500"), 200));
		assertThat(list(recent.get("records"))).extracting((record) -> record.get("flag")).contains("guarded");
		assertThat(body(perform(get("/actuator/flagaudit?limit=0"), 400))).containsKey("error");
	}

	@Test
	void healthIsUpWithDetails() throws Exception {
		this.registry.refresh();
		Map<String, Object> health = body(perform(get("/actuator/health/flags"), 200));
		assertThat(health).containsEntry("status", "UP");
		assertThat(map(health.get("details"))).containsEntry("flags", 6)
			.containsKeys("revision", "lastSuccess", "snapshotAge")
			.doesNotContainKey("error");
	}

	@Test
	void healthIsDegradedButNotDownWhileTheStoreIsUnreachable() throws Exception {
		this.store.fail("connection refused");
		try {
			this.registry.refresh();
			Map<String, Object> health = body(perform(get("/actuator/health/flags"), 200));
			assertThat(health).containsEntry("status", "DEGRADED");
			assertThat(map(health.get("details"))).containsEntry("flags", 6)
				.containsEntry("error", "FlagStoreException: connection refused")
				.containsKeys("snapshotAge", "lastSuccess", "lastFailure");
			assertThat(body(perform(get("/actuator/health"), 200))).containsEntry("status", "UP");
			assertThat(this.flags.isEnabled("search-ranking", FlagContext.of("user-1"))).isTrue();
		}
		finally {
			this.store.recover();
			this.registry.refresh();
		}
		assertThat(body(perform(get("/actuator/health/flags"), 200))).containsEntry("status", "UP");
	}

	@Test
	void decisionsAndStoreErrorsAreCounted() {
		double before = evaluations("search-ranking", "true", "ROLLOUT");
		for (int i = 0; i < 3; i++) {
			this.flags.isEnabled("search-ranking", FlagContext.of("user-" + i));
		}
		this.flags.variant("search-ranking", FlagContext.of("user-9"), "none");
		assertThat(evaluations("search-ranking", "true", "ROLLOUT")).isEqualTo(before + 4);
		this.flags.isEnabled("no-such-flag", FlagContext.of("user-1"));
		assertThat(evaluations(FlagEvaluationMetrics.UNDEFINED, "false", "FLAG_NOT_FOUND")).isEqualTo(1);

		double errors = this.meterRegistry.get("flags.store.errors").functionCounter().count();
		this.store.fail("connection refused");
		try {
			this.registry.refresh();
		}
		finally {
			this.store.recover();
			this.registry.refresh();
		}
		assertThat(this.meterRegistry.get("flags.store.errors").functionCounter().count()).isEqualTo(errors + 1);
		assertThat(this.meterRegistry.get("flags.count").gauge().value()).isEqualTo(6);
	}

	private double evaluations(String flag, String enabled, String reason) {
		return this.meterRegistry.get("flags.evaluations")
			.tags("flag", flag, "enabled", enabled, "reason", reason)
			.counter()
			.count();
	}

	private Flag stored(String key) {
		return this.store.load().flag(key).orElseThrow();
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, int status) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		return response;
	}

	private static MockHttpServletRequestBuilder withJson(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(MockHttpServletResponse response) throws Exception {
		return json.readValue(response.getContentAsString(), Map.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
			EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
			JacksonEndpointAutoConfiguration.class, ManagementContextAutoConfiguration.class,
			HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
			HealthEndpointAutoConfiguration.class, MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
			FlagsAutoConfiguration.class, FlagsGovernanceAutoConfiguration.class, FlagsWebAutoConfiguration.class,
			FlagsEndpointAutoConfiguration.class, FlagAuditEndpointAutoConfiguration.class,
			FlagsHealthContributorAutoConfiguration.class, FlagsMetricsAutoConfiguration.class })
	static class ShopConfiguration {

		@Bean
		FailingFlagStore flagStore() throws IOException {
			ClassPathResource definitions = new ClassPathResource("flags/endpoint.json");
			return new FailingFlagStore(DefinitionsCodec.read(definitions.getContentAsString(StandardCharsets.UTF_8)));
		}

	}

}
