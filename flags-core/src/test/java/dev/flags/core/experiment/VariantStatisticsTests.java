package dev.flags.core.experiment;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class VariantStatisticsTests {

	@Test
	void ofValuesKeepsUsersSumAndSumOfSquares() {
		VariantStatistics statistics = VariantStatistics.ofValues(2, 4, 4, 4, 5, 5, 7, 9);
		assertThat(statistics.users()).isEqualTo(8);
		assertThat(statistics.sum()).isEqualTo(40);
		assertThat(statistics.sumOfSquares()).isEqualTo(232);
		assertThat(statistics.mean()).isEqualTo(5);
		assertThat(statistics.sampleVariance()).isCloseTo(32.0 / 7, within(1e-15));
	}

	@Test
	void sampleVarianceMatchesTheTwoPassFormula() {
		double[] values = { 12.5, 0, 3.25, 99.99, 41, 0, 0, 7.5, 18.75 };
		double mean = Arrays.stream(values).average().orElseThrow();
		double squares = Arrays.stream(values).map((value) -> (value - mean) * (value - mean)).sum();
		VariantStatistics statistics = VariantStatistics.ofValues(values);
		assertThat(statistics.mean()).isCloseTo(mean, within(1e-12));
		assertThat(statistics.sampleVariance()).isCloseTo(squares / (values.length - 1), within(1e-10));
	}

	@Test
	void statisticsFromSeveralInstancesAddUpExactly() {
		VariantStatistics first = VariantStatistics.ofValues(1, 0, 3, 0);
		VariantStatistics second = VariantStatistics.ofValues(2, 5);
		VariantStatistics third = VariantStatistics.EMPTY.plusUser(4).plusUser(0);
		VariantStatistics all = VariantStatistics.ofValues(1, 0, 3, 0, 2, 5, 4, 0);
		assertThat(first.plus(second).plus(third)).isEqualTo(all);
		assertThat(third.plus(second).plus(first)).isEqualTo(all);
		assertThat(all.plus(VariantStatistics.EMPTY)).isEqualTo(all);
	}

	@Test
	void conversionsAreZeroOrOnePerUser() {
		VariantStatistics statistics = VariantStatistics.ofConversions(200, 30);
		assertThat(statistics).isEqualTo(new VariantStatistics(200, 30, 30));
		assertThat(statistics.mean()).isEqualTo(0.15);
		assertThat(statistics.isBinary()).isTrue();
		assertThat(VariantStatistics.ofValues(0, 1, 1, 0).isBinary()).isTrue();
		assertThat(VariantStatistics.ofValues(0, 2).isBinary()).isFalse();
		assertThat(VariantStatistics.ofValues(0.5, 0.5).isBinary()).isFalse();
	}

	@Test
	void noUsersHaveMeanAndVarianceZero() {
		assertThat(VariantStatistics.EMPTY.mean()).isZero();
		assertThat(VariantStatistics.EMPTY.sampleVariance()).isZero();
		assertThat(VariantStatistics.ofValues(3).sampleVariance()).isZero();
	}

	@Test
	void impossibleStatisticsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new VariantStatistics(-1, 0, 0))
			.withMessageContaining("users must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> new VariantStatistics(0, 1, 1))
			.withMessageContaining("with no users");
		assertThatIllegalArgumentException().isThrownBy(() -> new VariantStatistics(10, 1, -1))
			.withMessageContaining("sumOfSquares must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> new VariantStatistics(2, 10, 20))
			.withMessageContaining("cannot come from 2 users");
		assertThatIllegalArgumentException().isThrownBy(() -> new VariantStatistics(2, Double.NaN, 1))
			.withMessageContaining("finite");
		assertThatIllegalArgumentException().isThrownBy(() -> VariantStatistics.ofConversions(10, 11))
			.withMessageContaining("convertedUsers must be between 0 and users (10)");
		assertThatIllegalArgumentException().isThrownBy(() -> VariantStatistics.ofValues(1, Double.POSITIVE_INFINITY))
			.withMessageContaining("must be finite");
	}

	@Test
	void equalValuesPassTheConsistencyCheckDespiteRounding() {
		VariantStatistics statistics = VariantStatistics.EMPTY;
		for (int i = 0; i < 100_000; i++) {
			statistics = statistics.plusUser(0.1);
		}
		assertThat(statistics.users()).isEqualTo(100_000);
		assertThat(statistics.sampleVariance()).isCloseTo(0, within(1e-9));
	}

}
