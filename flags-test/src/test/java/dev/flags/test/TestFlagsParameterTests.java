package dev.flags.test;

import dev.flags.spring.FlagService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link TestFlags} the extension makes for a test whose instance has none, and
 * for one a {@code @BeforeEach} method assigns.
 */
class TestFlagsParameterTests {

	@Test
	@WithFlag("new-checkout")
	void injectsAServiceWithTheForcedFlags(FlagService flags) {
		assertThat(flags.isEnabled("new-checkout")).isTrue();
		assertThat(flags.isEnabled("anything-else")).isFalse();
	}

	@Test
	@WithFlag(value = "pricing", variant = "treatment")
	void injectsTheSameServiceToEveryParameter(FlagService flags, TestFlags testFlags, FlagControl control) {
		assertThat(flags).isSameAs(testFlags);
		control.disable("pricing");
		assertThat(testFlags.isEnabled("pricing")).isFalse();
	}

	@Test
	@ExtendWith(FlagsExtension.class)
	void resolvesParametersWithoutAnnotations(FlagService flags, FlagStates states) {
		assertThat(states.states()).isEmpty();
		assertThat(flags.isEnabled("new-checkout")).isFalse();
	}

	@Test
	@WithFlag("new-checkout")
	void eachTestGetsItsOwnService(TestFlags flags) {
		assertThat(flags.overrides().forced()).containsOnlyKeys("new-checkout");
	}

	@Nested
	@WithFlag("new-checkout")
	class FieldAssignedInBeforeEach {

		private TestFlags flags;

		@BeforeEach
		void createFlags() {
			this.flags = TestFlags.builder().off("new-checkout").build();
		}

		@Test
		void getsTheForcedFlagsFromTheTestOn() {
			assertThat(this.flags.isEnabled("new-checkout")).isTrue();
		}

	}

}
