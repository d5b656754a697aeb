package dev.flags.core.lifecycle;

import java.util.List;
import java.util.Map;

import dev.flags.core.model.Condition;
import dev.flags.core.model.Flag;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagState}: fully on and fully off only when nothing in the definition can
 * decide otherwise for anyone.
 */
class FlagStateTests {

	private static final Condition BETA = Condition.of("groups", Operator.IN, "beta");

	@Test
	void enabledAtHundredPercentIsFullyOn() {
		assertThat(FlagState.of(Flag.builder("f").rollout(100).build())).isEqualTo(FlagState.FULLY_ON);
	}

	@Test
	void disabledIsFullyOffWhateverElseIsSet() {
		Flag flag = Flag.builder("f").enabled(false).rollout(100).include("user-1").rule(Rule.rollout(100, BETA)).build();
		assertThat(FlagState.of(flag)).isEqualTo(FlagState.FULLY_OFF);
	}

	@Test
	void enabledAtZeroPercentWithNothingElseIsFullyOff() {
		assertThat(FlagState.of(Flag.builder("f").rollout(0).build())).isEqualTo(FlagState.FULLY_OFF);
	}

	@Test
	void partialRolloutIsPartial() {
		assertThat(FlagState.of(Flag.builder("f").rollout(99.999).build())).isEqualTo(FlagState.PARTIAL);
		assertThat(FlagState.of(Flag.builder("f").rollout(0.001).build())).isEqualTo(FlagState.PARTIAL);
	}

	@Test
	void anExcludedKeyKeepsAHundredPercentFlagFromBeingFullyOn() {
		assertThat(FlagState.of(Flag.builder("f").rollout(100).exclude("user-9").build())).isEqualTo(FlagState.PARTIAL);
	}

	@Test
	void aRuleServingLessThanAHundredPercentKeepsItFromBeingFullyOn() {
		assertThat(FlagState.of(Flag.builder("f").rollout(100).rule(Rule.rollout(50, BETA)).build()))
			.isEqualTo(FlagState.PARTIAL);
		assertThat(FlagState.of(Flag.builder("f").rollout(100).rule(Rule.rollout(100, BETA)).build()))
			.isEqualTo(FlagState.FULLY_ON);
	}

	@Test
	void anIncludedKeyOrARuleThatServesAnyoneKeepsAZeroPercentFlagFromBeingFullyOff() {
		assertThat(FlagState.of(Flag.builder("f").rollout(0).include("user-1").build())).isEqualTo(FlagState.PARTIAL);
		assertThat(FlagState.of(Flag.builder("f").rollout(0).include("user-1").exclude("user-1").build()))
			.isEqualTo(FlagState.FULLY_OFF);
		Rule defaultRollout = new Rule(null, List.of(BETA), null, null, Map.of());
		assertThat(FlagState.of(Flag.builder("f").rollout(0).rule(defaultRollout).build())).isEqualTo(FlagState.PARTIAL);
		assertThat(FlagState.of(Flag.builder("f").rollout(0).rule(Rule.rollout(0, BETA)).build()))
			.isEqualTo(FlagState.FULLY_OFF);
	}

	@Test
	void anExperimentSplitBetweenVariantsIsPartialEvenAtAHundredPercent() {
		Flag split = Flag.builder("f").rollout(100).variants(Variant.of("control", 50), Variant.of("treatment", 50)).build();
		assertThat(FlagState.of(split)).isEqualTo(FlagState.PARTIAL);
	}

	@Test
	void anExperimentServingOneVariantToEveryoneIsFullyOn() {
		Flag winner = Flag.builder("f").rollout(100).variants(Variant.of("winner", 100), Variant.of("loser", 0)).build();
		assertThat(FlagState.of(winner)).isEqualTo(FlagState.FULLY_ON);
		// Contexts without a unit get the first variant, whatever its weight.
		Flag firstAtZero = Flag.builder("f").rollout(100).variants(Variant.of("loser", 0), Variant.of("winner", 100)).build();
		assertThat(FlagState.of(firstAtZero)).isEqualTo(FlagState.PARTIAL);
		Flag ruleVariant = winner.toBuilder().rule(Rule.variant("loser", BETA)).build();
		assertThat(FlagState.of(ruleVariant)).isEqualTo(FlagState.PARTIAL);
	}

}
