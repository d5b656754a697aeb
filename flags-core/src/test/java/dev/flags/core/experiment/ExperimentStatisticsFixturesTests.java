package dev.flags.core.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Compares every formula with reference values computed independently with SciPy and statsmodels
 * by {@code experiment/make-fixtures.py} (its header has the command that made
 * {@code experiment/fixtures.json}).
 */
class ExperimentStatisticsFixturesTests {

	/**
	 * The relative tolerance on p-values, interval bounds and sample sizes.
	 */
	private static final double TOLERANCE = 1e-9;

	private static final JsonNode FIXTURES = load();

	@Test
	void fixturesCoverEveryPart() {
		assertThat(FIXTURES.get("command").stringValue()).contains("make-fixtures.py");
		assertThat(FIXTURES.get("binomial").size()).isGreaterThanOrEqualTo(5);
		assertThat(FIXTURES.get("continuous").size()).isGreaterThanOrEqualTo(3);
		assertThat(FIXTURES.get("sampleRatio").size()).isGreaterThanOrEqualTo(3);
		assertThat(FIXTURES.get("holm").size()).isGreaterThanOrEqualTo(1);
		assertThat(FIXTURES.get("sampleSize").size()).isGreaterThanOrEqualTo(3);
	}

	@TestFactory
	Stream<DynamicTest> binomialComparisonsMatchTheReference() {
		return cases("binomial").map((fixture) -> DynamicTest.dynamicTest(fixture.get("name").stringValue(), () -> {
			VariantStatistics control = conversions(fixture.get("control"));
			VariantStatistics treatment = conversions(fixture.get("treatment"));
			Comparison comparison = compare(fixture, Metric.binomial("conversion", 0.05), control, treatment);
			assertMatches(comparison, fixture.get("expected"));
		}));
	}

	@TestFactory
	Stream<DynamicTest> continuousComparisonsMatchTheReference() {
		return cases("continuous").map((fixture) -> DynamicTest.dynamicTest(fixture.get("name").stringValue(), () -> {
			VariantStatistics control = continuous(fixture.get("control"));
			VariantStatistics treatment = continuous(fixture.get("treatment"));
			Comparison comparison = compare(fixture, Metric.continuous("revenue", 0.05), control, treatment);
			assertMatches(comparison, fixture.get("expected"));
		}));
	}

	@TestFactory
	Stream<DynamicTest> sampleRatioChecksMatchTheReference() {
		return cases("sampleRatio").map((fixture) -> DynamicTest.dynamicTest(fixture.get("name").stringValue(), () -> {
			Map<String, Double> weights = new LinkedHashMap<>();
			fixture.get("weights").properties().forEach((entry) -> weights.put(entry.getKey(), entry.getValue().doubleValue()));
			Map<String, VariantStatistics> byVariant = new LinkedHashMap<>();
			fixture.get("users")
				.properties()
				.forEach((entry) -> byVariant.put(entry.getKey(), VariantStatistics.ofConversions(entry.getValue().longValue(), 0)));
			ExperimentDesign design = ExperimentDesign.of(weights.keySet().iterator().next(), weights,
					Metric.binomial("conversion", 0.05));
			SampleRatioCheck check = ExperimentAnalysis.analyze(design, byVariant, SequentialState.initial())
				.primary()
				.sampleRatio();
			JsonNode expected = fixture.get("expected");
			assertClose(check.chiSquare(), expected.get("chiSquare").doubleValue(), "chi-square");
			assertClose(check.pValue(), expected.get("pValue").doubleValue(), "p-value");
			assertThat(check.mismatch()).isEqualTo(expected.get("pValue").doubleValue() < 0.001);
		}));
	}

	@TestFactory
	Stream<DynamicTest> holmCorrectionMatchesTheReference() {
		return cases("holm").map((fixture) -> DynamicTest.dynamicTest(fixture.get("name").stringValue(), () -> {
			Map<String, Double> weights = new LinkedHashMap<>();
			Map<String, VariantStatistics> byVariant = new LinkedHashMap<>();
			weights.put("control", 1.0);
			byVariant.put("control", conversions(fixture.get("control")));
			fixture.get("treatments").properties().forEach((entry) -> {
				weights.put(entry.getKey(), 1.0);
				byVariant.put(entry.getKey(), conversions(entry.getValue()));
			});
			ExperimentDesign design = ExperimentDesign.of("control", weights, Metric.binomial("conversion", 0.05))
				.withAlpha(fixture.get("alpha").doubleValue())
				.withTuningSampleSize(fixture.get("tuningSampleSize").longValue());
			MetricResult result = ExperimentAnalysis.analyze(design, byVariant, SequentialState.initial()).primary();
			fixture.get("expected").properties().forEach((entry) -> {
				Comparison comparison = result.comparison(entry.getKey());
				JsonNode expected = entry.getValue();
				assertClose(comparison.fixedHorizon().pValue(), expected.get("pValue").doubleValue(), "p-value");
				assertClose(comparison.fixedHorizon().adjustedPValue(), expected.get("adjustedPValue").doubleValue(),
						"Holm-adjusted p-value");
				assertClose(comparison.sequential().pValue(), expected.get("sequentialPValue").doubleValue(),
						"sequential p-value");
				assertClose(comparison.sequential().adjustedPValue(),
						expected.get("sequentialAdjustedPValue").doubleValue(), "Holm-adjusted sequential p-value");
			});
		}));
	}

	@TestFactory
	Stream<DynamicTest> sampleSizesMatchTheReference() {
		NormalDistribution normal = NormalDistribution.of(0, 1);
		return cases("sampleSize").map((fixture) -> DynamicTest.dynamicTest(fixture.get("name").stringValue(), () -> {
			Map<String, Double> weights = new LinkedHashMap<>();
			fixture.get("weights").properties().forEach((entry) -> weights.put(entry.getKey(), entry.getValue().doubleValue()));
			String control = weights.keySet().iterator().next();
			boolean binomial = fixture.get("kind").stringValue().equals("BINOMIAL");
			VariantStatistics controlStatistics = binomial ? conversions(fixture.get("control"))
					: continuous(fixture.get("control"));
			Metric metric = new Metric("metric", MetricKind.valueOf(fixture.get("kind").stringValue()),
					fixture.get("minimumDetectableEffect").doubleValue(), Goal.valueOf(fixture.get("goal").stringValue()));
			double alpha = fixture.get("alpha").doubleValue();
			double power = fixture.get("power").doubleValue();
			ExperimentDesign design = ExperimentDesign.of(control, weights, metric).withAlpha(alpha).withPower(power);
			JsonNode expected = fixture.get("expected");
			assertClose(normal.inverseSurvivalProbability(alpha / (weights.size() - 1) / 2),
					expected.get("zAlpha").doubleValue(), "z(1 - alpha/2)");
			assertClose(normal.inverseCumulativeProbability(power), expected.get("zPower").doubleValue(), "z(power)");
			double required = expected.get("requiredUsers").doubleValue();
			assertClose(SampleSizeCalculation.requiredUsers(design, metric, controlStatistics), required, "required users");
			SampleSize sampleSize = ExperimentAnalysis
				.analyze(design, Map.of(control, controlStatistics), SequentialState.initial())
				.primary()
				.sampleSize();
			assertThat(sampleSize.requiredUsers()).isEqualTo((long) Math.ceil(required));
			assertThat(sampleSize.users()).isEqualTo(controlStatistics.users());
			assertThat(sampleSize.progress()).isCloseTo(controlStatistics.users() / Math.ceil(required), within(1e-12));
		}));
	}

	private static Comparison compare(JsonNode fixture, Metric metric, VariantStatistics control,
			VariantStatistics treatment) {
		ExperimentDesign design = ExperimentDesign.of("control", Map.of("control", 50.0, "treatment", 50.0), metric)
			.withAlpha(fixture.get("alpha").doubleValue())
			.withTuningSampleSize(fixture.get("tuningSampleSize").longValue());
		Map<String, VariantStatistics> byVariant = Map.of("control", control, "treatment", treatment);
		return ExperimentAnalysis.analyze(design, byVariant, SequentialState.initial()).primary().comparison("treatment");
	}

	private static void assertMatches(Comparison comparison, JsonNode expected) {
		assertClose(comparison.fixedHorizon().pValue(), expected.get("pValue").doubleValue(), "p-value");
		assertInterval(comparison.fixedHorizon().absolute(), expected.get("absolute"), "absolute lift interval");
		assertInterval(comparison.fixedHorizon().relative(), expected.get("relative"), "relative lift interval");
		assertClose(comparison.sequential().pValue(), expected.get("sequentialPValue").doubleValue(),
				"sequential p-value");
		assertInterval(comparison.sequential().absolute(), expected.get("absoluteSequence"),
				"absolute lift confidence sequence");
		assertInterval(comparison.sequential().relative(), expected.get("relativeSequence"),
				"relative lift confidence sequence");
	}

	private static void assertInterval(Interval actual, JsonNode expected, String what) {
		assertThat(actual).as(what).isNotNull();
		assertClose(actual.lower(), expected.get(0).doubleValue(), what + " (lower bound)");
		assertClose(actual.upper(), expected.get(1).doubleValue(), what + " (upper bound)");
	}

	private static void assertClose(Double actual, double expected, String what) {
		assertThat(actual).as(what).isNotNull();
		assertThat(actual).as(what).isCloseTo(expected, within(TOLERANCE * Math.abs(expected)));
	}

	private static VariantStatistics conversions(JsonNode node) {
		return VariantStatistics.ofConversions(node.get("users").longValue(), node.get("conversions").longValue());
	}

	private static VariantStatistics continuous(JsonNode node) {
		if (node.has("values")) {
			List<Double> values = new ArrayList<>();
			node.get("values").values().forEach((value) -> values.add(value.doubleValue()));
			return VariantStatistics.ofValues(values.stream().mapToDouble(Double::doubleValue).toArray());
		}
		return new VariantStatistics(node.get("users").longValue(), node.get("sum").doubleValue(),
				node.get("sumOfSquares").doubleValue());
	}

	private static Stream<JsonNode> cases(String part) {
		return FIXTURES.get(part).values().stream();
	}

	private static JsonNode load() {
		try (InputStream input = ExperimentStatisticsFixturesTests.class.getResourceAsStream("/experiment/fixtures.json")) {
			assertThat(input).as("experiment/fixtures.json on the test class path").isNotNull();
			return JsonMapper.shared().readTree(input);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read experiment/fixtures.json", ex);
		}
	}

}
