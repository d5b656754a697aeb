package dev.flags.core.experiment;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SequentialStateTests {

	@Test
	void beforeTheFirstLookThePValueIsOne() {
		assertThat(SequentialState.initial().minimumPValue("checkout", "treatment")).isEqualTo(1);
	}

	@Test
	void keepsTheRunningMinimumPerMetricAndVariant() {
		SequentialState state = SequentialState.initial()
			.withLook("checkout", "b", 0.4)
			.withLook("checkout", "b", 0.2)
			.withLook("checkout", "b", 0.3)
			.withLook("checkout", "c", 0.7)
			.withLook("revenue", "b", 0.9);
		assertThat(state.minimumPValue("checkout", "b")).isEqualTo(0.2);
		assertThat(state.minimumPValue("checkout", "c")).isEqualTo(0.7);
		assertThat(state.minimumPValue("revenue", "b")).isEqualTo(0.9);
	}

	@Test
	void canBeRestoredFromItsMap() {
		SequentialState state = SequentialState.initial().withLook("checkout", "b", 0.2);
		assertThat(new SequentialState(state.minimumPValues())).isEqualTo(state);
	}

	@Test
	void rejectsValuesThatAreNotPValues() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SequentialState(Map.of("checkout", Map.of("b", 1.5))))
			.withMessageContaining("metric 'checkout', variant 'b' must be between 0 and 1, but was 1.5");
	}

}
