package dev.flags.core.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ExperimentDesignTests {

	private static final Metric CHECKOUT = Metric.binomial("checkout", 0.05);

	@Test
	void defaultsAreTheUsualOnes() {
		ExperimentDesign design = ExperimentDesign.of("control", weights("control", 50, "treatment", 50), CHECKOUT);
		assertThat(design.alpha()).isEqualTo(0.05);
		assertThat(design.power()).isEqualTo(0.8);
		assertThat(design.tuningSampleSize()).isEqualTo(5000);
		assertThat(design.method()).isEqualTo(AnalysisMethod.SEQUENTIAL);
		assertThat(design.primaryMetric()).isEqualTo(CHECKOUT);
	}

	@Test
	void treatmentsKeepTheWeightsOrderAndSharesAreNormalised() {
		ExperimentDesign design = ExperimentDesign.of("b", weights("c", 1, "b", 2, "a", 1), CHECKOUT);
		assertThat(design.treatments()).containsExactly("c", "a");
		assertThat(design.share("b")).isEqualTo(0.5);
		assertThat(design.share("a")).isEqualTo(0.25);
		assertThatIllegalArgumentException().isThrownBy(() -> design.share("z")).withMessageContaining("unknown variant 'z'");
	}

	@Test
	void withersChangeOneSetting() {
		ExperimentDesign design = ExperimentDesign.of("control", weights("control", 50, "treatment", 50), CHECKOUT)
			.withAlpha(0.01)
			.withPower(0.9)
			.withTuningSampleSize(20_000)
			.withMethod(AnalysisMethod.FIXED_HORIZON);
		assertThat(design).isEqualTo(new ExperimentDesign("control", weights("control", 50, "treatment", 50),
				List.of(CHECKOUT), 0.01, 0.9, 20_000, AnalysisMethod.FIXED_HORIZON));
	}

	@Test
	void badDesignsAreRejectedWithTheReason() {
		Map<String, Double> weights = weights("control", 50, "treatment", 50);
		assertThatIllegalArgumentException().isThrownBy(() -> ExperimentDesign.of("baseline", weights, CHECKOUT))
			.withMessageContaining("control variant 'baseline' is not among the weighted variants");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExperimentDesign.of("control", weights("control", 100), CHECKOUT))
			.withMessageContaining("at least one treatment");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExperimentDesign.of("control", weights("control", 50, "treatment", 0), CHECKOUT))
			.withMessageContaining("variant 'treatment' must have a finite weight greater than 0");
		assertThatIllegalArgumentException().isThrownBy(() -> ExperimentDesign.of("control", weights, List.of()))
			.withMessageContaining("at least one metric");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExperimentDesign.of("control", weights, CHECKOUT, Metric.continuous("checkout", 0.1)))
			.withMessageContaining("metric 'checkout' is declared twice");
		ExperimentDesign design = ExperimentDesign.of("control", weights, CHECKOUT);
		assertThatIllegalArgumentException().isThrownBy(() -> design.withAlpha(0)).withMessageContaining("alpha");
		assertThatIllegalArgumentException().isThrownBy(() -> design.withAlpha(0.6)).withMessageContaining("alpha");
		assertThatIllegalArgumentException().isThrownBy(() -> design.withPower(1)).withMessageContaining("power");
		assertThatIllegalArgumentException().isThrownBy(() -> design.withTuningSampleSize(0))
			.withMessageContaining("tuningSampleSize");
	}

	@Test
	void badMetricsAreRejectedWithTheReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> Metric.binomial(" ", 0.05))
			.withMessageContaining("name must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> Metric.continuous("revenue", 0))
			.withMessageContaining("metric 'revenue': minimumDetectableEffect must be a relative change greater than 0");
		assertThatIllegalArgumentException().isThrownBy(() -> Metric.continuous("revenue", Double.NaN))
			.withMessageContaining("minimumDetectableEffect");
	}

	static Map<String, Double> weights(Object... namesAndWeights) {
		Map<String, Double> weights = new LinkedHashMap<>();
		for (int i = 0; i < namesAndWeights.length; i += 2) {
			weights.put((String) namesAndWeights[i], ((Number) namesAndWeights[i + 1]).doubleValue());
		}
		return weights;
	}

}
