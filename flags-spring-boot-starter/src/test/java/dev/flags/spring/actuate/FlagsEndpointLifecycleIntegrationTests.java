package dev.flags.spring.actuate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.lifecycle.ExperimentConclusions;
import dev.flags.core.lifecycle.FlagUsage;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.spring.FeatureFlag;
import dev.flags.spring.FlagService;
import dev.flags.spring.aop.FeatureFlagAopAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsEndpointAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsGovernanceAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsLifecycleAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsMetricsAutoConfiguration;
import dev.flags.spring.lifecycle.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The lifecycle in the {@code flags} endpoint's list (per-flag fields, the {@code stale} section,
 * the reference check) and the {@code flags.stale} gauge, through MockMvc, at times the test sets.
 */
@SpringBootTest(properties = { "management.endpoints.web.exposure.include=flags",
		"management.endpoint.flags.access=unrestricted", "flags.refresh-interval=0", "flags.write.enabled=true" })
@AutoConfigureMockMvc
class FlagsEndpointLifecycleIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private FlagService flags;

	@Autowired
	private FlagUsage usage;

	@Autowired
	private MeterRegistry meterRegistry;

	@Test
	void listsTheStaleFlagsWithTheirReasonAndAction() throws Exception {
		List<Map<String, Object>> stale = list(flags().get("stale"));
		assertThat(stale).extracting((flag) -> flag.get("key"))
			.containsExactly("holiday-banner", "old-search", "pricing-page");
		assertThat(stale.get(0)).containsEntry("kind", "release")
			.containsEntry("reason", "FULLY_ON")
			.containsEntry("description", "fully on since 2026-06-01 (181 days, dated by its last recorded change); "
					+ "past its expiresAt 2026-09-30 (60 days ago)")
			.containsEntry("action", "remove the flag and its off path");
		assertThat(stale.get(1)).containsEntry("reason", "FULLY_OFF")
			.containsEntry("description", "fully off since 2026-09-01 (89 days)")
			.containsEntry("action", "remove the flag and the code it gates");
		assertThat(stale.get(2)).containsEntry("kind", "experiment")
			.containsEntry("reason", "CONCLUDED")
			.containsEntry("description", "its analysis is concluded: annual-first wins");
	}

	@Test
	void showsEachFlagsLifecycle() throws Exception {
		Map<String, Map<String, Object>> lifecycles = lifecycles(flags());
		assertThat(lifecycles.get("holiday-banner")).containsEntry("state", "FULLY_ON")
			.containsEntry("fullyOnSince", "2026-06-01T00:00:00Z")
			.containsEntry("referenced", false)
			.doesNotContainKeys("updatedAt", "updatedBy", "fullyOffSince", "lastEvaluated");
		assertThat(map(lifecycles.get("holiday-banner").get("stale"))).containsEntry("reason", "FULLY_ON")
			.containsEntry("action", "remove the flag and its off path");
		assertThat(lifecycles.get("old-search")).containsEntry("state", "FULLY_OFF")
			.containsEntry("updatedAt", "2026-09-01T00:00:00Z")
			.containsEntry("fullyOffSince", "2026-09-01T00:00:00Z");
		assertThat(lifecycles.get("checkout")).containsEntry("state", "PARTIAL")
			.containsEntry("referenced", true)
			.doesNotContainKey("stale");
		assertThat(lifecycles.get("payments")).containsEntry("state", "FULLY_ON").doesNotContainKey("stale");
		assertThat(lifecycles.get("plans")).containsEntry("state", "FULLY_OFF").doesNotContainKey("stale");
	}

	@Test
	@DirtiesContext
	void checksTheReferencesBothWays() throws Exception {
		Map<String, Object> references = map(flags().get("references"));
		assertThat(list(references.get("undefined")))
			.containsExactly(Map.of("key", "chekout", "location", "bean 'shop' (Shop.payWithTypo())"));
		assertThat(references.get("unreferenced"))
			.isEqualTo(List.of("holiday-banner", "old-search", "pricing-page", "dark-mode"));

		this.flags.isEnabled("dark-mode");
		this.flags.isEnabled("dark-mood");
		Map<String, Object> body = flags();
		references = map(body.get("references"));
		assertThat(list(references.get("undefined"))).containsExactly(
				Map.of("key", "chekout", "location", "bean 'shop' (Shop.payWithTypo())"),
				Map.of("key", "dark-mood", "location", "a FlagService call"));
		assertThat(references.get("unreferenced")).isEqualTo(List.of("holiday-banner", "old-search", "pricing-page"));
		assertThat(lifecycles(body).get("dark-mode")).containsEntry("referenced", true)
			.containsEntry("lastEvaluated", "2026-11-29T12:00:00Z");
	}

	@Test
	@DirtiesContext
	void aWriteThroughTheEndpointStartsTheHistoryThatLaterMakesTheFlagStale() throws Exception {
		// A governed write: based on a version, and a jump to 100 % is confirmed with a reason.
		int status = this.mvc.perform(post("/actuator/flags/checkout").contentType(MediaType.APPLICATION_JSON)
			.content("{\"rollout\": 100, \"expectedVersion\": 1, \"confirm\": true, \"reason\": \"launch\"}"))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(200);
		Map<String, Object> checkout = lifecycles(flags()).get("checkout");
		assertThat(checkout).containsEntry("state", "FULLY_ON")
			.containsEntry("updatedAt", "2026-11-29T12:00:00Z")
			// Who made it: this test's request carries no principal
			.containsEntry("updatedBy", "anonymous")
			.containsEntry("fullyOnSince", "2026-11-29T12:00:00Z")
			.doesNotContainKey("stale");

		this.clock.advanceDays(31);
		this.usage.tick();
		this.flags.isEnabled("checkout");
		checkout = lifecycles(flags()).get("checkout");
		assertThat(checkout).containsEntry("lastEvaluated", "2026-12-30T12:00:00Z");
		assertThat(map(checkout.get("stale"))).containsEntry("reason", "FULLY_ON")
			.containsEntry("description", "fully on since 2026-11-29 (31 days)");
	}

	@Test
	void theStaleGaugeCountsTemporaryFlagsByKind() {
		assertThat(this.meterRegistry.get(StaleFlagMetrics.STALE).tag("kind", "release").gauge().value())
			.isEqualTo(2);
		assertThat(this.meterRegistry.get(StaleFlagMetrics.STALE).tag("kind", "experiment").gauge().value())
			.isEqualTo(1);
		assertThat(this.meterRegistry.find(StaleFlagMetrics.STALE).tag("kind", "kill-switch").gauge()).isNull();
	}

	private Map<String, Object> flags() throws Exception {
		String content = this.mvc.perform(get("/actuator/flags")).andReturn().getResponse().getContentAsString();
		return map(json.readValue(content, Map.class));
	}

	private static Map<String, Map<String, Object>> lifecycles(Map<String, Object> body) {
		Map<String, Map<String, Object>> lifecycles = new LinkedHashMap<>();
		for (Map<String, Object> flag : list(body.get("flags"))) {
			lifecycles.put((String) flag.get("key"), map(flag.get("lifecycle")));
		}
		return lifecycles;
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
			MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class, FlagsAutoConfiguration.class,
			FeatureFlagAopAutoConfiguration.class, FlagsEndpointAutoConfiguration.class,
			FlagsMetricsAutoConfiguration.class, FlagsLifecycleAutoConfiguration.class,
			FlagsGovernanceAutoConfiguration.class })
	static class ShopConfiguration {

		@Bean
		MutableClock clock() {
			return new MutableClock("2026-11-29T12:00:00Z");
		}

		@Bean
		InMemoryFlagStore flagStore(MutableClock clock) throws IOException {
			ClassPathResource definitions = new ClassPathResource("flags/lifecycle.json");
			return new InMemoryFlagStore(
					DefinitionsCodec.read(definitions.getContentAsString(StandardCharsets.UTF_8)), clock);
		}

		@Bean
		ExperimentConclusions experimentConclusions() {
			return (key) -> "pricing-page".equals(key) ? "annual-first wins" : null;
		}

		@Bean
		Shop shop() {
			return new Shop();
		}

	}

	static class Shop {

		@FeatureFlag("checkout")
		public String pay() {
			return "paid";
		}

		@FeatureFlag(value = "chekout", whenDisabled = FeatureFlag.WhenDisabled.RETURN_EMPTY)
		public void payWithTypo() {
		}

	}

}
