package dev.flags.spring.actuate;

import java.math.BigDecimal;

import dev.flags.core.model.Flag;
import dev.flags.spring.actuate.FlagChange.InvalidFlagChangeException;
import dev.flags.spring.actuate.FlagsEndpoint.ProblemDescriptor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FlagChange}.
 */
class FlagChangeTests {

	@Test
	void readsTheTextActuatorHandsOverAndJsonValues() {
		assertThat(FlagChange.read("false", null, null)).isEqualTo(new FlagChange(false, null, null));
		assertThat(FlagChange.read(true, "12.345", "7")).isEqualTo(new FlagChange(true, new BigDecimal("12.345"), 7L));
		assertThat(FlagChange.read(null, 25, 3L)).isEqualTo(new FlagChange(null, BigDecimal.valueOf(25), 3L));
		assertThat(FlagChange.read(null, 1.0001, null).rollout()).isEqualByComparingTo("1.0001");
	}

	@Test
	void refusesEveryWrongFieldAtOnce() {
		assertThatExceptionOfType(InvalidFlagChangeException.class)
			.isThrownBy(() -> FlagChange.read("on", "+5", "1.0"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(ProblemDescriptor::field)
				.containsExactly("enabled", "rollout", "expectedVersion"));
	}

	@Test
	void refusesNumbersOutsideJsonsGrammar() {
		for (String rollout : new String[] { "NaN", "Infinity", "0x10", ".5", "5.", "1e999", " 5", "" }) {
			assertThatExceptionOfType(InvalidFlagChangeException.class).as(rollout)
				.isThrownBy(() -> FlagChange.read(null, rollout, null));
		}
	}

	@Test
	void refusesAChangeOfNothing() {
		assertThatExceptionOfType(InvalidFlagChangeException.class).isThrownBy(() -> FlagChange.read(null, null, 2))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement()
				.satisfies((problem) -> assertThat(problem.reason()).startsWith("nothing to change")));
	}

	@Test
	void appliesOnlyTheFieldsGiven() {
		Flag flag = Flag.builder("checkout").rollout(10).owner("payments").version(4L).build();
		assertThat(new FlagChange(false, null, null).applyTo(flag)).isEqualTo(flag.withEnabled(false));
		assertThat(new FlagChange(null, BigDecimal.ONE, 4L).applyTo(flag)).isEqualTo(flag.withRollout(BigDecimal.ONE));
	}

}
