package dev.flags.test;

import java.math.BigDecimal;

import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.core.model.Reason;
import dev.flags.core.model.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TestFlags}.
 */
class TestFlagsTests {

	@Test
	void buildsDefinitionsInMemory() {
		TestFlags flags = TestFlags.builder()
			.on("on")
			.off("off")
			.rollout("half", 50)
			.flag(Flag.builder("staff").include("user-1").build())
			.build();
		assertThat(flags.evaluate("on")).isEqualTo(new Evaluation(true, null, Reason.ROLLOUT, null));
		assertThat(flags.evaluate("off")).isEqualTo(new Evaluation(false, null, Reason.DISABLED, null));
		assertThat(flags.evaluate("half").reason()).isEqualTo(Reason.NO_BUCKETING_KEY);
		assertThat(flags.isEnabled("staff", FlagContext.of("user-1"))).isTrue();
		assertThat(flags.isEnabled("missing")).isFalse();
		assertThat(flags.snapshot().keys()).containsExactly("on", "off", "half", "staff");
	}

	@Test
	void experimentSharesUnitsEquallyWithinTheSpecsPrecision() {
		TestFlags flags = TestFlags.builder().experiment("pricing", "a", "b", "c").build();
		assertThat(flags.snapshot().flag("pricing").orElseThrow().variants()).extracting(Variant::weight)
			.containsExactly(new BigDecimal("33.333"), new BigDecimal("33.333"), new BigDecimal("33.334"));
		assertThat(flags.variant("pricing", FlagContext.of("user-1"), "none")).isIn("a", "b", "c");
	}

	@Test
	void currentContextIsUsedByCallsWithoutOne() {
		TestFlags flags = TestFlags.builder()
			.flag(Flag.builder("staff").include("user-1").build())
			.currentContext(FlagContext.of("user-1"))
			.build();
		assertThat(flags.isEnabled("staff")).isTrue();
		flags.setCurrentContext(FlagContext.of("user-2"));
		assertThat(flags.isEnabled("staff")).isFalse();
		assertThat(flags.currentContext().key()).isEqualTo("user-2");
	}

	@Test
	void forcingLaysStatesOverTheDefinitions() {
		TestFlags flags = TestFlags.builder().off("new-checkout").experiment("pricing", "a", "b").build();
		flags.enable("new-checkout");
		flags.enable("pricing", "b");
		assertThat(flags.isEnabled("new-checkout")).isTrue();
		assertThat(flags.variant("pricing", "none")).isEqualTo("b");
		flags.disable("pricing");
		assertThat(flags.variant("pricing", "none")).isEqualTo("none");
		flags.reset("new-checkout");
		flags.reset("pricing");
		assertThat(flags.isEnabled("new-checkout")).isFalse();
		assertThat(flags.registry().snapshot().flag("new-checkout").orElseThrow().enabled()).isFalse();
	}

	@Test
	void saveChangesTheDefinitionsAsAnAdministratorWould() {
		TestFlags flags = TestFlags.builder().on("new-checkout").build();
		FlagContext user = FlagContext.of("user-1");
		assertThat(flags.isEnabled("new-checkout", user)).isTrue();
		Flag saved = flags.save(Flag.builder("new-checkout").rollout(100).exclude("user-1").build());
		assertThat(saved.version()).isEqualTo(2L);
		assertThat(flags.evaluate("new-checkout", user)).isEqualTo(new Evaluation(false, null, Reason.EXCLUDED, null));
		flags.save(Flag.builder("brand-new").rollout(100).build());
		assertThat(flags.isEnabled("brand-new")).isTrue();
		flags.delete("brand-new");
		assertThat(flags.evaluate("brand-new").reason()).isEqualTo(Reason.FLAG_NOT_FOUND);
		assertThat(flags.store().load().flag("new-checkout").orElseThrow().exclude()).containsExactly("user-1");
	}

	@Test
	void forcedFlagsStayForcedWhenTheDefinitionChanges() {
		TestFlags flags = TestFlags.builder().on("new-checkout").build();
		flags.disable("new-checkout");
		flags.save(Flag.builder("new-checkout").rollout(100).build());
		assertThat(flags.isEnabled("new-checkout")).isFalse();
	}

	@Test
	void refusesInvalidDefinitionsNamingTheProblem() {
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> TestFlags.builder().rollout("new-checkout", 150).build())
			.withMessageContaining("flag 'new-checkout'")
			.withMessageContaining("rollout");
		assertThatIllegalArgumentException().isThrownBy(() -> TestFlags.builder().experiment("pricing"))
			.withMessage("Experiment 'pricing' needs at least one variant");
		assertThatIllegalArgumentException().isThrownBy(() -> TestFlags.empty().delete("missing"))
			.withMessage("No flag 'missing' is defined");
	}

}
