package dev.flags.core.experiment;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.flags.core.experiment.ExperimentDesignTests.weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ExperimentAnalysisTests {

	private static final Metric CHECKOUT = Metric.binomial("checkout", 0.05);

	private static final ExperimentDesign DESIGN = ExperimentDesign.of("control",
			weights("control", 50, "treatment", 50), CHECKOUT);

	@Test
	void clearlyBetterTreatmentWins() {
		MetricResult result = analyze(DESIGN, conversions(20_000, 2000), conversions(20_000, 2400));
		Comparison comparison = result.comparison("treatment");
		assertThat(result.status()).isEqualTo(Status.VARIANT_WINS);
		assertThat(result.winner()).isEqualTo("treatment");
		assertThat(comparison.verdict()).isEqualTo(Verdict.BETTER);
		assertThat(comparison.treatment()).isEqualTo(new VariantSummary("treatment", 20_000, 0.12, 0.12 * 0.88));
		assertThat(comparison.control().mean()).isEqualTo(0.1);
		assertThat(comparison.absoluteLift()).isCloseTo(0.02, within(1e-15));
		assertThat(comparison.relativeLift()).isCloseTo(0.2, within(1e-12));
		assertThat(comparison.sequential().absolute().lower()).isPositive();
		assertThat(comparison.sequential().absolute().lower()).isLessThan(comparison.fixedHorizon().absolute().lower());
		assertThat(result.explanation()).startsWith(
				"'treatment' wins on checkout: 12.00% against 10.00% for 'control', relative lift +20.0% (95% interval +")
			.contains("sequential p = ");
	}

	@Test
	void controlWinsWhenTheTreatmentIsWorse() {
		MetricResult result = analyze(DESIGN, conversions(20_000, 2000), conversions(20_000, 1600));
		assertThat(result.comparison("treatment").verdict()).isEqualTo(Verdict.WORSE);
		assertThat(result.status()).isEqualTo(Status.VARIANT_WINS);
		assertThat(result.winner()).isEqualTo("control");
		assertThat(result.explanation())
			.startsWith("'control' wins on checkout: no treatment is better and 'treatment' is worse: 8.00% against 10.00%");
	}

	@Test
	void lowerIsBetterWhenTheGoalIsADecrease() {
		Metric errors = Metric.binomial("errors", 0.05).withGoal(Goal.DECREASE);
		ExperimentDesign design = ExperimentDesign.of("control", weights("control", 50, "treatment", 50), errors);
		MetricResult fewer = analyze(design, conversions(20_000, 2000), conversions(20_000, 1600));
		assertThat(fewer.winner()).isEqualTo("treatment");
		assertThat(fewer.comparison("treatment").verdict()).isEqualTo(Verdict.BETTER);
		MetricResult more = analyze(design, conversions(20_000, 2000), conversions(20_000, 2400));
		assertThat(more.winner()).isEqualTo("control");
	}

	@Test
	void noDifferenceOnceTheSequenceRulesOutTheMinimumDetectableEffect() {
		MetricResult result = analyze(DESIGN, conversions(200_000, 20_000), conversions(200_000, 20_100));
		Interval relative = result.comparison("treatment").sequential().relative();
		assertThat(relative.lower()).isGreaterThan(-0.05);
		assertThat(relative.upper()).isLessThan(0.05);
		assertThat(result.comparison("treatment").verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
		assertThat(result.status()).isEqualTo(Status.NO_DIFFERENCE);
		assertThat(result.winner()).isNull();
		assertThat(result.explanation()).isEqualTo("No difference on checkout: every treatment's confidence sequence"
				+ " lies within ±5% of 'control', so none differs by the minimum detectable effect.");
	}

	@Test
	void sampleRatioMismatchMakesTheResultsInvalid() {
		MetricResult result = analyze(DESIGN, conversions(10_400, 1040), conversions(9600, 1200));
		assertThat(result.sampleRatio().mismatch()).isTrue();
		assertThat(result.isTrustworthy()).isFalse();
		assertThat(result.status()).isEqualTo(Status.INVALID);
		assertThat(result.winner()).isNull();
		assertThat(result.comparison("treatment").verdict()).isEqualTo(Verdict.UNDECIDED);
		assertThat(result.explanation()).isEqualTo("Invalid: sample ratio mismatch. Users are split 'control' 10400 /"
				+ " 'treatment' 9600 where the weights expect 50% / 50% (chi-square p = 1.5E-8, below 0.001)."
				+ " Assignment or exposure logging is broken, so the results cannot be trusted.");
	}

	@Test
	void keepRunningWhileNothingIsDecided() {
		MetricResult result = analyze(DESIGN, conversions(500, 50), conversions(500, 55));
		assertThat(result.status()).isEqualTo(Status.KEEP_RUNNING);
		assertThat(result.comparison("treatment").verdict()).isEqualTo(Verdict.UNDECIDED);
		assertThat(result.sampleSize().requiredUsers()).isEqualTo(115_520L);
		assertThat(result.sampleSize().progress()).isEqualTo(1000 / 115_520.0);
		assertThat(result.explanation()).matches("Keep running: no treatment is decided against 'control' on checkout"
				+ " yet \\(smallest sequential p = 1\\.000\\); 1,000 of 115,520 planned users \\(0\\.9%\\)\\.");
	}

	@Test
	void fixedHorizonIsOnlyReadAtThePlannedSampleSize() {
		ExperimentDesign design = DESIGN.withMethod(AnalysisMethod.FIXED_HORIZON);
		MetricResult early = analyze(design, conversions(1000, 100), conversions(1000, 150));
		assertThat(early.comparison("treatment").fixedHorizon().pValue()).isLessThan(0.001);
		assertThat(early.comparison("treatment").verdict()).isEqualTo(Verdict.UNDECIDED);
		assertThat(early.status()).isEqualTo(Status.KEEP_RUNNING);
		assertThat(early.explanation()).startsWith("Keep running: the fixed-horizon test of checkout may only be read"
				+ " once, at the planned sample size; 2,000 of 115,520 planned users");

		ExperimentDesign bigEffect = ExperimentDesign.of("control", weights("control", 50, "treatment", 50),
				Metric.binomial("checkout", 0.5)).withMethod(AnalysisMethod.FIXED_HORIZON);
		MetricResult reached = analyze(bigEffect, conversions(1000, 100), conversions(1000, 150));
		assertThat(reached.sampleSize().isReached()).isTrue();
		assertThat(reached.status()).isEqualTo(Status.VARIANT_WINS);
		assertThat(reached.explanation()).contains("fixed-horizon p = ");
		MetricResult flat = analyze(bigEffect, conversions(1000, 100), conversions(1000, 104));
		assertThat(flat.status()).isEqualTo(Status.NO_DIFFERENCE);
		assertThat(flat.explanation()).startsWith("No difference on checkout: the planned 1,")
			.endsWith("users are reached and no treatment differs significantly from 'control'; a change of 50% or"
					+ " more would have been found with 80% power.");
	}

	@Test
	void bestOfSeveralTreatmentsWinsAfterHolmsCorrection() {
		ExperimentDesign design = ExperimentDesign.of("control", weights("control", 1, "b", 1, "c", 1), CHECKOUT);
		ExperimentResult result = ExperimentAnalysis.analyze(design,
				Map.of("control", conversions(10_000, 1000), "b", conversions(10_000, 1100), "c",
						conversions(10_000, 1250)),
				SequentialState.initial());
		MetricResult metric = result.primary();
		Comparison b = metric.comparison("b");
		Comparison c = metric.comparison("c");
		// Holm: the smallest p-value (c) is multiplied by 2, the next (b) by 1.
		assertThat(c.fixedHorizon().adjustedPValue()).isEqualTo(2 * c.fixedHorizon().pValue());
		assertThat(b.fixedHorizon().adjustedPValue()).isEqualTo(b.fixedHorizon().pValue());
		assertThat(b.sequential().adjustedPValue()).isGreaterThanOrEqualTo(b.sequential().pValue());
		assertThat(c.verdict()).isEqualTo(Verdict.BETTER);
		assertThat(result.status()).isEqualTo(Status.VARIANT_WINS);
		assertThat(metric.winner()).isEqualTo("c");
		assertThat(metric.comparisons()).extracting(Comparison::variant).containsExactly("b", "c");
	}

	@Test
	void withoutDataNothingIsEstimated() {
		ExperimentResult result = ExperimentAnalysis.analyze(DESIGN, ExperimentData.empty(), SequentialState.initial());
		Comparison comparison = result.primary().comparison("treatment");
		assertThat(comparison.fixedHorizon()).isEqualTo(new Inference(1, 1, null, null));
		assertThat(comparison.sequential()).isEqualTo(new Inference(1, 1, null, null));
		assertThat(comparison.relativeLift()).isNull();
		assertThat(result.primary().sampleRatio().pValue()).isEqualTo(1);
		assertThat(result.primary().sampleSize()).isEqualTo(new SampleSize(null, 0, null));
		assertThat(result.status()).isEqualTo(Status.KEEP_RUNNING);
		assertThat(result.explanation()).endsWith("0 users; the users needed are not known until 'control' has a baseline.");
	}

	@Test
	void zeroControlRateHasNoRelativeLift() {
		Comparison comparison = analyze(DESIGN, conversions(100, 0), conversions(100, 3)).comparison("treatment");
		assertThat(comparison.relativeLift()).isNull();
		assertThat(comparison.fixedHorizon().relative()).isNull();
		assertThat(comparison.sequential().relative()).isNull();
		assertThat(comparison.fixedHorizon().absolute()).isNotNull();
	}

	@Test
	void controlMeanTooCloseToZeroForARelativeLiftHasNone() {
		ExperimentDesign design = ExperimentDesign.of("control", weights("control", 50, "treatment", 50),
				Metric.continuous("revenue", 0.05));
		Comparison comparison = ExperimentAnalysis
			.analyze(design, Map.of("control", VariantStatistics.ofValues(1e-100, 2e-100, 0), "treatment",
					VariantStatistics.ofValues(1, 2, 3)), SequentialState.initial())
			.primary()
			.comparison("treatment");
		assertThat(comparison.relativeLift()).isNull();
		assertThat(comparison.sequential().relative()).isNull();
		assertThat(comparison.fixedHorizon().absolute()).isNotNull();
	}

	@Test
	void dataMergedFromSeveralInstancesGivesTheSameResult() {
		ExperimentData one = ExperimentData.of("checkout",
				Map.of("control", conversions(3000, 310), "treatment", conversions(2900, 350)));
		ExperimentData two = ExperimentData.of("checkout",
				Map.of("control", conversions(2000, 190), "treatment", conversions(2100, 230)));
		ExperimentResult merged = ExperimentAnalysis.analyze(DESIGN, one.plus(two), SequentialState.initial());
		ExperimentResult whole = ExperimentAnalysis.analyze(DESIGN,
				Map.of("control", conversions(5000, 500), "treatment", conversions(5000, 580)), SequentialState.initial());
		assertThat(merged).isEqualTo(whole);
	}

	@Test
	void everyMetricIsAnalysedAndThePrimaryDecides() {
		ExperimentDesign design = ExperimentDesign.of("control", weights("control", 50, "treatment", 50), CHECKOUT,
				Metric.continuous("revenue", 0.1));
		ExperimentData data = ExperimentData
			.of("checkout", Map.of("control", conversions(6, 1), "treatment", conversions(6, 2)))
			.plus(ExperimentData.of("revenue", Map.of("control", VariantStatistics.ofValues(0, 10, 0, 20, 0, 0),
					"treatment", VariantStatistics.ofValues(15, 0, 30, 0, 25, 0))));
		ExperimentResult result = ExperimentAnalysis.analyze(design, data, SequentialState.initial());
		assertThat(result.metrics()).extracting((metric) -> metric.metric().name()).containsExactly("checkout", "revenue");
		Comparison revenue = result.metric("revenue").comparison("treatment");
		assertThat(revenue.treatment().mean()).isEqualTo(70.0 / 6);
		assertThat(revenue.control().variance()).isEqualTo(VariantStatistics.ofValues(0, 10, 0, 20, 0, 0).sampleVariance());
		assertThat(revenue.fixedHorizon().pValue()).isBetween(0.0, 1.0);
		assertThat(result.status()).isEqualTo(result.primary().status());
		assertThat(result.sequentialState().minimumPValues()).containsOnlyKeys("checkout", "revenue");
		assertThatIllegalArgumentException().isThrownBy(() -> result.metric("clicks")).withMessageContaining("no metric 'clicks'");
	}

	@Test
	void dataTheDesignDoesNotKnowIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExperimentAnalysis.analyze(DESIGN,
					ExperimentData.of("clicks", Map.of("control", conversions(10, 1))), SequentialState.initial()))
			.withMessageContaining("data for metric 'clicks', which the design does not declare");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExperimentAnalysis.analyze(DESIGN, Map.of("variant-x", conversions(10, 1)),
					SequentialState.initial()))
			.withMessageContaining("metric 'checkout' has data for variant 'variant-x', which the design does not weight");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExperimentAnalysis.analyze(DESIGN, Map.of("control", VariantStatistics.ofValues(0, 2, 1)),
					SequentialState.initial()))
			.withMessageContaining("metric 'checkout' is binomial, so each user's value is 0 or 1")
			.withMessageContaining("variant 'control'");
		ExperimentDesign twoMetrics = ExperimentDesign.of("control", weights("control", 50, "treatment", 50), CHECKOUT,
				Metric.continuous("revenue", 0.1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExperimentAnalysis.analyze(twoMetrics, Map.of("control", conversions(10, 1)),
					SequentialState.initial()))
			.withMessageContaining("need a design with one metric");
	}

	private static MetricResult analyze(ExperimentDesign design, VariantStatistics control, VariantStatistics treatment) {
		return ExperimentAnalysis.analyze(design, Map.of("control", control, "treatment", treatment),
				SequentialState.initial()).primary();
	}

	private static VariantStatistics conversions(long users, long converted) {
		return VariantStatistics.ofConversions(users, converted);
	}

}
