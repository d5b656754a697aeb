package dev.flags.core.experiment;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentDataTests {

	@Test
	void dataFromSeveralInstancesAddsUpPerMetricAndVariant() {
		ExperimentData first = ExperimentData.of("checkout",
				Map.of("control", VariantStatistics.ofConversions(100, 10), "treatment", VariantStatistics.ofConversions(90, 12)));
		ExperimentData second = ExperimentData.empty()
			.plus("checkout", "control", VariantStatistics.ofConversions(50, 4))
			.plus("revenue", "treatment", VariantStatistics.ofValues(3.5, 0, 12));
		ExperimentData sum = first.plus(second);
		assertThat(sum.statistics("checkout", "control")).isEqualTo(VariantStatistics.ofConversions(150, 14));
		assertThat(sum.statistics("checkout", "treatment")).isEqualTo(VariantStatistics.ofConversions(90, 12));
		assertThat(sum.statistics("revenue", "treatment")).isEqualTo(VariantStatistics.ofValues(3.5, 0, 12));
		assertThat(second.plus(first)).isEqualTo(sum);
	}

	@Test
	void missingStatisticsAreEmpty() {
		assertThat(ExperimentData.empty().statistics("checkout", "control")).isEqualTo(VariantStatistics.EMPTY);
	}

}
