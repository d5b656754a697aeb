package dev.flags.spring.experiment;

import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.flags.core.experiment.ResultsStore;
import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagService;
import dev.flags.spring.autoconfigure.FlagsAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsExperimentsAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsExperimentsEndpointAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The {@code experiments} endpoint of a web application, through MockMvc: traffic sent through
 * {@link FlagService} shows up as users, rates and comparisons.
 */
@SpringBootTest(properties = { "management.endpoints.web.exposure.include=experiments",
		"management.endpoint.experiments.access=unrestricted", "flags.refresh-interval=0",
		"flags.definitions-location=classpath:flags/experiments.json",
		"flags.experiments.designs.pricing.metrics.subscribed.kind=binomial",
		"flags.experiments.designs.pricing.metrics.subscribed.minimum-detectable-effect=0.2",
		"flags.experiments.designs.pricing.metrics.revenue.kind=continuous",
		"flags.experiments.designs.pricing.metrics.revenue.minimum-detectable-effect=0.2",
		"flags.experiments.designs.pricing.tuning-sample-size=2000" })
@AutoConfigureMockMvc
class ExperimentsEndpointIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FlagService flags;

	@Autowired
	private ResultsStore store;

	private int control;

	private int controlConverted;

	private double controlRevenue;

	@BeforeEach
	void restart() {
		this.store.clear("pricing");
		this.store.clear("onboarding");
	}

	@Test
	void listsEveryExperimentWithItsStatus() throws Exception {
		visit(200, 0);
		Map<String, Object> body = body(get("/actuator/experiments"), 200);
		List<Map<String, Object>> experiments = list(body.get("experiments"));
		assertThat(experiments).extracting((experiment) -> experiment.get("key")).containsExactly("pricing", "onboarding");
		Map<String, Object> pricing = experiments.get(0);
		assertThat(pricing).containsEntry("enabled", true).containsEntry("status", "KEEP_RUNNING");
		assertThat(map(pricing.get("users")).values()).extracting((users) -> ((Number) users).intValue())
			.containsOnly(this.control, 200 - this.control);
		assertThat(experiments.get(1)).doesNotContainKey("status");
		assertThat((String) experiments.get(1).get("explanation")).startsWith("No analysis: experiment 'onboarding' "
				+ "declares no metrics; declare them under flags.experiments.designs.onboarding.metrics");
	}

	@Test
	void showsAnExperimentsAnalysisFromPerUserValues() throws Exception {
		visit(2000, 3000);
		Map<String, Object> report = body(get("/actuator/experiments/pricing"), 200);
		assertThat(report).containsEntry("key", "pricing").containsEntry("control", "control").containsEntry("totalUsers",
				2000);
		assertThat(map(report.get("users"))).containsEntry("control", this.control);
		assertThat(map(report.get("design"))).containsEntry("method", "SEQUENTIAL").containsEntry("tuningSampleSize", 2000);
		assertThat((String) report.get("status")).isIn("KEEP_RUNNING", "VARIANT_WINS", "NO_DIFFERENCE");
		assertThat((String) report.get("explanation")).isNotBlank();
		List<Map<String, Object>> metrics = list(report.get("metrics"));
		assertThat(metrics).extracting((metric) -> metric.get("name")).containsExactly("subscribed", "revenue");

		Map<String, Object> subscribed = metrics.get(0);
		Map<String, Object> controlSide = list(subscribed.get("variants")).get(0);
		assertThat(controlSide).containsEntry("variant", "control").containsEntry("users", this.control);
		assertThat(((Number) controlSide.get("mean")).doubleValue())
			.isCloseTo((double) this.controlConverted / this.control, within(1e-12));
		Map<String, Object> comparison = list(subscribed.get("comparisons")).get(0);
		assertThat(comparison).containsEntry("variant", "annual-first").containsKeys("absoluteLift", "relativeLift",
				"verdict");
		Map<String, Object> sequential = map(comparison.get("sequential"));
		assertThat(((Number) sequential.get("pValue")).doubleValue()).isBetween(0.0, 1.0);
		assertThat(map(sequential.get("relative"))).containsKeys("lower", "upper");
		assertThat(map(comparison.get("fixedHorizon"))).containsKeys("pValue", "absolute");
		assertThat(map(subscribed.get("sampleRatio"))).containsEntry("mismatch", false);
		assertThat(map(subscribed.get("sampleSize"))).containsEntry("users", 2000).containsKey("requiredUsers");

		Map<String, Object> revenue = metrics.get(1);
		assertThat(((Number) list(revenue.get("variants")).get(0).get("mean")).doubleValue())
			.isCloseTo(this.controlRevenue / this.control, within(1e-9));
	}

	@Test
	void theSequentialPValueNeverRisesBetweenLooks() throws Exception {
		visit(1000, 1000);
		double first = sequentialP();
		assertThat(this.store.sequentialState("pricing", "a0.05-n2000").minimumPValue("subscribed", "annual-first"))
			.isEqualTo(first);
		// More users, all without a conversion: the current look's p-value moves, the reported one may not rise.
		for (int i = 0; i < 500; i++) {
			this.flags.variant("pricing", FlagContext.of("late-" + i), "control");
		}
		assertThat(sequentialP()).isLessThanOrEqualTo(first);
	}

	@Test
	void unknownExperimentsAndOtherFlagsAreNotFound() throws Exception {
		assertThat((String) body(get("/actuator/experiments/nope"), 404).get("error"))
			.isEqualTo("No experiment 'nope': experiments are flags of kind 'experiment' with variants; the experiments"
					+ " are [pricing, onboarding]");
		body(get("/actuator/experiments/new-checkout"), 404);
	}

	@Test
	void aResetRestartsAnExperiment() throws Exception {
		visit(50, 10);
		assertThat(this.mvc.perform(delete("/actuator/experiments/pricing")).andReturn().getResponse().getStatus())
			.isEqualTo(204);
		assertThat(body(get("/actuator/experiments/pricing"), 200)).containsEntry("totalUsers", 0);
		// The same visitors come back after the restart and are counted again.
		this.control = 0;
		visit(50, 10);
		assertThat(body(get("/actuator/experiments/pricing"), 200)).containsEntry("totalUsers", 50);
		assertThat(this.mvc.perform(delete("/actuator/experiments/nope")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	/** Visitors see the page; some subscribe (10 % on control, 14 % on the treatment) and spend. */
	private void visit(int visitors, int seed) {
		Random random = new Random(seed);
		for (int i = 0; i < visitors; i++) {
			FlagContext visitor = FlagContext.of("visitor-" + seed + "-" + i);
			String variant = this.flags.variant("pricing", visitor, "control");
			boolean isControl = "control".equals(variant);
			double rate = isControl ? 0.10 : 0.14;
			this.control += isControl ? 1 : 0;
			if (random.nextDouble() < rate) {
				double price = isControl ? 9 : 90;
				this.flags.track(visitor, "subscribed");
				this.flags.track(visitor, "subscribed");
				this.flags.track(visitor, "revenue", price);
				this.controlConverted += isControl ? 1 : 0;
				this.controlRevenue += isControl ? price : 0;
			}
		}
	}

	private double sequentialP() throws Exception {
		Map<String, Object> subscribed = list(body(get("/actuator/experiments/pricing"), 200).get("metrics")).get(0);
		return ((Number) map(list(subscribed.get("comparisons")).get(0).get("sequential")).get("pValue")).doubleValue();
	}

	private Map<String, Object> body(RequestBuilder request, int status) throws Exception {
		var response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		return map(json.readValue(response.getContentAsString(), Map.class));
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
			FlagsAutoConfiguration.class, FlagsExperimentsAutoConfiguration.class,
			FlagsExperimentsEndpointAutoConfiguration.class })
	static class ShopConfiguration {

	}

}
