package dev.flags.spring.governance;

import java.math.BigDecimal;
import java.util.Map;

import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HighImpactChanges}.
 */
class HighImpactChangesTests {

	private static final BigDecimal STEP = BigDecimal.valueOf(50);

	private static final Flag KILL_SWITCH = Flag.builder("payments").kind(FlagKind.KILL_SWITCH).rollout(100).build();

	private static final Flag RELEASE = Flag.builder("checkout").rollout(10).build();

	@Test
	void killSwitchTurnedOffOrDeletedWhileOnIsHighImpact() {
		assertThat(HighImpactChanges.reasons("payments", KILL_SWITCH, KILL_SWITCH.withEnabled(false), STEP))
			.containsExactly("it turns off the kill switch 'payments'");
		assertThat(HighImpactChanges.reasons("payments", KILL_SWITCH, null, STEP))
			.containsExactly("it turns off the kill switch 'payments' by deleting it");
		Flag off = KILL_SWITCH.withEnabled(false);
		assertThat(HighImpactChanges.reasons("payments", off, KILL_SWITCH, STEP)).isEmpty();
		assertThat(HighImpactChanges.reasons("payments", off, null, STEP)).isEmpty();
	}

	@Test
	void rolloutMovedByMoreThanTheStepEitherWayIsHighImpact() {
		assertThat(HighImpactChanges.reasons("checkout", RELEASE, RELEASE.withRollout(BigDecimal.valueOf(60)), STEP))
			.isEmpty();
		assertThat(HighImpactChanges.reasons("checkout", RELEASE, RELEASE.withRollout(new BigDecimal("60.001")), STEP))
			.singleElement()
			.asString()
			.contains("50.001 points");
		Flag full = RELEASE.withRollout(BigDecimal.valueOf(100));
		assertThat(HighImpactChanges.reasons("checkout", full, RELEASE, STEP)).hasSize(1);
		assertThat(HighImpactChanges.reasons("checkout", null, full, STEP)).hasSize(1);
		assertThat(HighImpactChanges.reasons("checkout", full, null, STEP)).as("a deletion is no jump").isEmpty();
		assertThat(HighImpactChanges.reasons("checkout", RELEASE, full, BigDecimal.valueOf(100))).isEmpty();
	}

	@Test
	void anyChangeToOrIntoAnEntitlementIsHighImpact() {
		Flag entitlement = RELEASE.toBuilder().kind(FlagKind.ENTITLEMENT).build();
		assertThat(HighImpactChanges.reasons("checkout", entitlement, entitlement.toBuilder().description("x").build(),
				STEP))
			.singleElement()
			.asString()
			.contains("entitlement");
		assertThat(HighImpactChanges.reasons("checkout", RELEASE, entitlement, STEP)).hasSize(1);
		assertThat(HighImpactChanges.reasons("checkout", entitlement, null, STEP)).hasSize(1);
	}

	@Test
	void aFlagMarkedHighImpactNeedsConfirmationForAnyChange() {
		Flag marked = RELEASE.toBuilder().extra(Map.of("highImpact", true)).build();
		assertThat(HighImpactChanges.reasons("checkout", marked, marked.toBuilder().description("x").build(), STEP))
			.hasSize(1);
		assertThat(HighImpactChanges.highImpactProblem(RELEASE.toBuilder().extra(Map.of("highImpact", "yes")).build()))
			.isNotNull();
		assertThat(HighImpactChanges.highImpactProblem(marked)).isNull();
	}

	@Test
	void everyRuleThatAppliesIsGiven() {
		Flag entitlement = KILL_SWITCH.toBuilder().kind(FlagKind.ENTITLEMENT).extra(Map.of("highImpact", true)).build();
		Flag killSwitch = KILL_SWITCH.toBuilder().extra(Map.of("highImpact", true)).build();
		assertThat(HighImpactChanges.reasons("payments", killSwitch,
				entitlement.withEnabled(false).withRollout(BigDecimal.ZERO), STEP))
			.hasSize(4);
	}

}
