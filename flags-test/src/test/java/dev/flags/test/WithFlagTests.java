package dev.flags.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flags.core.model.Evaluation;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Reason;
import dev.flags.spring.FlagService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WithFlag} in tests without Spring.
 */
@WithFlag("class-flag")
@WithFlag(value = "overridden", enabled = false)
class WithFlagTests {

	private final TestFlags flags = TestFlags.builder()
		.off("new-checkout")
		.on("legacy-search")
		.experiment("pricing", "control", "treatment")
		.build();

	private boolean newCheckoutInBeforeEach;

	@BeforeEach
	void seeFlagsBeforeEach() {
		this.newCheckoutInBeforeEach = this.flags.isEnabled("new-checkout");
	}

	@Test
	@WithFlag("new-checkout")
	void forcesAFlagOn() {
		assertThat(this.flags.isEnabled("new-checkout")).isTrue();
		assertThat(this.flags.evaluate("new-checkout")).isEqualTo(new Evaluation(true, null, Reason.ROLLOUT, null));
	}

	@Test
	@WithFlag(value = "legacy-search", enabled = false)
	void forcesAFlagOff() {
		assertThat(this.flags.isEnabled("legacy-search")).isFalse();
		assertThat(this.flags.evaluate("legacy-search").reason()).isEqualTo(Reason.DISABLED);
	}

	@Test
	@WithFlag(value = "pricing", variant = "treatment")
	void forcesAVariantForEveryone() {
		assertThat(this.flags.variant("pricing", "none")).isEqualTo("treatment");
		assertThat(this.flags.variant("pricing", FlagContext.of("user-1"), "none")).isEqualTo("treatment");
		assertThat(this.flags.variant("pricing", FlagContext.of("user-2"), "none")).isEqualTo("treatment");
		assertThat(this.flags.evaluate("pricing")).isEqualTo(new Evaluation(true, "treatment", Reason.ROLLOUT, null));
	}

	@Test
	@WithFlag("undefined-flag")
	void forcesAFlagThatIsNotDefined() {
		assertThat(this.flags.isEnabled("undefined-flag")).isTrue();
		assertThat(this.flags.isEnabled("other-undefined-flag")).isFalse();
	}

	@Test
	@WithFlag("new-checkout")
	@WithFlag(value = "legacy-search", enabled = false)
	void repeats() {
		assertThat(this.flags.isEnabled("new-checkout")).isTrue();
		assertThat(this.flags.isEnabled("legacy-search")).isFalse();
	}

	@Test
	void appliesTheClassDeclarations() {
		assertThat(this.flags.isEnabled("class-flag")).isTrue();
		assertThat(this.flags.isEnabled("overridden")).isFalse();
		assertThat(this.flags.isEnabled("new-checkout")).isFalse();
	}

	@Test
	@WithFlag("overridden")
	void methodWinsOverClass() {
		assertThat(this.flags.isEnabled("overridden")).isTrue();
		assertThat(this.flags.isEnabled("class-flag")).isTrue();
	}

	@Test
	@WithFlag("new-checkout")
	void isInForceBeforeTheBeforeEachMethods() {
		assertThat(this.newCheckoutInBeforeEach).isTrue();
	}

	@Test
	@WithFlag("new-checkout")
	@WithFlag(value = "pricing", variant = "control")
	void parameterReceivesTheForcedStates(FlagStates states) {
		assertThat(states.toString()).isEqualTo("class-flag=on, overridden=off, new-checkout=on, pricing=control");
		assertThat(states.isEnabled("new-checkout")).isTrue();
		assertThat(states.variant("pricing")).isEqualTo("control");
	}

	@Test
	@WithFlag("new-checkout")
	void flagServiceParameterIsTheTestFlagsField(FlagService service, TestFlags testFlags) {
		assertThat(service).isSameAs(this.flags).isSameAs(testFlags);
	}

	@Test
	@NewCheckoutOn
	void worksAsAMetaAnnotation() {
		assertThat(this.flags.isEnabled("new-checkout")).isTrue();
		assertThat(this.flags.variant("pricing", "none")).isEqualTo("treatment");
	}

	@ParameterizedTest
	@ValueSource(strings = { "user-1", "user-2" })
	@WithFlag("new-checkout")
	void appliesToEveryArgumentOfAParameterizedTest(String user, FlagStates states) {
		assertThat(this.flags.isEnabled("new-checkout", FlagContext.of(user))).isTrue();
		assertThat(states.isEnabled("new-checkout")).isTrue();
	}

	@RepeatedTest(2)
	@WithFlag(value = "legacy-search", enabled = false)
	void appliesToEveryRepetition() {
		assertThat(this.flags.isEnabled("legacy-search")).isFalse();
	}

	@Test
	void refusesContradictoryDeclarations() {
		EngineExecutionResults results = Runs.run(Contradictory.class);
		assertThat(Runs.failureMessages(results)).containsExactlyInAnyOrder(
				"@WithFlag on twice() forces flag 'new-checkout' both on and off; keep one",
				"@WithFlag on offWithVariant() forces flag 'pricing' off with variant 'treatment'; "
						+ "a variant needs the flag on");
	}

	@Test
	void subclassWinsOverItsSuperclass() {
		EngineExecutionResults results = Runs.run(Subclass.class);
		results.testEvents().assertStatistics((stats) -> stats.started(1).succeeded(1));
	}

	@Nested
	@WithFlag(value = "class-flag", enabled = false)
	@WithFlag("new-checkout")
	class NestedClass {

		@Test
		void nestedClassWinsOverTheClassAroundIt() {
			assertThat(WithFlagTests.this.flags.isEnabled("class-flag")).isFalse();
			assertThat(WithFlagTests.this.flags.isEnabled("overridden")).isFalse();
			assertThat(WithFlagTests.this.flags.isEnabled("new-checkout")).isTrue();
		}

		@Test
		@WithFlag("class-flag")
		void methodWinsOverTheNestedClass() {
			assertThat(WithFlagTests.this.flags.isEnabled("class-flag")).isTrue();
		}

		@Nested
		@WithFlag(value = "new-checkout", enabled = false)
		class Deeper {

			@Test
			void innermostClassWins() {
				assertThat(WithFlagTests.this.flags.isEnabled("new-checkout")).isFalse();
				assertThat(WithFlagTests.this.flags.isEnabled("class-flag")).isFalse();
			}

		}

	}

	@TestKitExample
	@ExtendWith(FlagsExtension.class)
	static class Contradictory {

		@Test
		@WithFlag("new-checkout")
		@WithFlag(value = "new-checkout", enabled = false)
		void twice() {
		}

		@Test
		@WithFlag(value = "pricing", enabled = false, variant = "treatment")
		void offWithVariant() {
		}

	}

	@TestKitExample
	@WithFlag("inherited")
	@WithFlag("overridden-by-subclass")
	abstract static class Superclass {

	}

	@TestKitExample
	@WithFlag(value = "overridden-by-subclass", enabled = false)
	static class Subclass extends Superclass {

		@Test
		void seesBoth(FlagService flags) {
			assertThat(flags.isEnabled("inherited")).isTrue();
			assertThat(flags.isEnabled("overridden-by-subclass")).isFalse();
		}

	}

	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@WithFlag("new-checkout")
	@WithFlag(value = "pricing", variant = "treatment")
	@interface NewCheckoutOn {

	}

}
