package dev.flags.test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Condition;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Reason;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Variant;
import dev.flags.spring.FlagSnapshotProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FlagOverrides}.
 */
class FlagOverridesTests {

	private static final FlagSnapshot SNAPSHOT = FlagSnapshot.of(Definitions.of(List.of(
			Flag.builder("staff-only")
				.include("user-1")
				.exclude("user-2")
				.rule(Rule.rollout(100, Condition.of("email", Operator.ENDS_WITH, "@example.com")))
				.build(),
			Flag.builder("pricing")
				.rollout(50)
				.variants(Variant.of("control", 50), Variant.of("treatment", 50))
				.build(),
			Flag.builder("on-for-all").rollout(100).build()), List.of()));

	private final FlagOverrides overrides = new FlagOverrides();

	private final FlagSnapshotProvider provider = this.overrides.attach(() -> SNAPSHOT);

	@Test
	void withNothingForcedTheSnapshotIsTheDefinitions() {
		assertThat(this.provider.currentSnapshot()).isSameAs(SNAPSHOT);
	}

	@Test
	void forcedOnIsTheFlagRolledOutToEveryoneWithNoListOrRule() {
		this.overrides.force("staff-only", FlagState.on());
		FlagSnapshot snapshot = this.provider.currentSnapshot();
		for (FlagContext context : List.of(FlagContext.anonymous(), FlagContext.of("user-1"), FlagContext.of("user-2"),
				FlagContext.builder("user-3").attribute("email", "a@example.com").build())) {
			assertThat(snapshot.evaluate("staff-only", context))
				.isEqualTo(new Evaluation(true, null, Reason.ROLLOUT, null));
		}
	}

	@Test
	void forcedOnKeepsTheFlagsOwnVariantBucketing() {
		this.overrides.force("pricing", FlagState.on());
		FlagSnapshot snapshot = this.provider.currentSnapshot();
		FlagSnapshot everyone = FlagSnapshot.of(Definitions.of(
				List.of(SNAPSHOT.flag("pricing").orElseThrow().withRollout(BigDecimal.valueOf(100))),
				List.of()));
		for (int i = 0; i < 50; i++) {
			FlagContext user = FlagContext.of("user-" + i);
			assertThat(snapshot.evaluate("pricing", user)).isEqualTo(everyone.evaluate("pricing", user));
		}
		assertThat(snapshot.evaluate("pricing", FlagContext.anonymous()))
			.isEqualTo(new Evaluation(true, "control", Reason.ROLLOUT, null));
	}

	@Test
	void forcedOffIsTheFlagDisabled() {
		this.overrides.force("on-for-all", FlagState.off());
		assertThat(this.provider.currentSnapshot().evaluate("on-for-all", FlagContext.of("user-1")))
			.isEqualTo(new Evaluation(false, null, Reason.DISABLED, null));
	}

	@Test
	void forcedVariantIsServedToEveryone() {
		this.overrides.force("pricing", FlagState.variant("treatment"));
		FlagSnapshot snapshot = this.provider.currentSnapshot();
		for (FlagContext context : List.of(FlagContext.anonymous(), FlagContext.of("user-1"),
				FlagContext.of("user-9"))) {
			assertThat(snapshot.evaluate("pricing", context))
				.isEqualTo(new Evaluation(true, "treatment", Reason.ROLLOUT, null));
		}
	}

	@Test
	void forcingAFlagThatIsNotDefinedDefinesIt() {
		this.overrides.force("brand-new", FlagState.variant("b"));
		this.overrides.force("also-new", FlagState.off());
		FlagSnapshot snapshot = this.provider.currentSnapshot();
		assertThat(snapshot.evaluate("brand-new", FlagContext.anonymous()))
			.isEqualTo(new Evaluation(true, "b", Reason.ROLLOUT, null));
		assertThat(snapshot.evaluate("also-new", FlagContext.anonymous()))
			.isEqualTo(new Evaluation(false, null, Reason.DISABLED, null));
	}

	@Test
	void otherFlagsKeepTheirDefinitions() {
		this.overrides.force("on-for-all", FlagState.off());
		FlagSnapshot snapshot = this.provider.currentSnapshot();
		assertThat(snapshot.evaluate("staff-only", FlagContext.of("user-1")))
			.isEqualTo(new Evaluation(true, null, Reason.INCLUDED, null));
		assertThat(snapshot.flag("pricing")).isEqualTo(SNAPSHOT.flag("pricing"));
	}

	@Test
	void resetGivesTheDefinitionsBack() {
		this.overrides.force("on-for-all", FlagState.off());
		this.overrides.force("pricing", FlagState.off());
		this.overrides.reset("on-for-all");
		assertThat(this.overrides.forced()).containsOnlyKeys("pricing");
		this.overrides.resetAll();
		assertThat(this.provider.currentSnapshot()).isSameAs(SNAPSHOT);
	}

	@Test
	void theOverlayIsBuiltOncePerChange() {
		this.overrides.force("on-for-all", FlagState.off());
		FlagSnapshot first = this.provider.currentSnapshot();
		assertThat(this.provider.currentSnapshot()).isSameAs(first);
		this.overrides.force("pricing", FlagState.off());
		assertThat(this.provider.currentSnapshot()).isNotSameAs(first);
	}

	@Test
	void refusesAVariantTheDefinedFlagDoesNotHave() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.overrides.force("pricing", FlagState.variant("treatmnt")))
			.withMessage("Cannot force flag 'pricing' to variant 'treatmnt': its variants are [control, treatment]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.overrides.force("on-for-all", FlagState.variant("b")))
			.withMessage("Cannot force flag 'on-for-all' to variant 'b': the flag has no variants");
		assertThat(this.overrides.forced()).isEmpty();
	}

	@Test
	void refusesAnInvalidKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.overrides.force("New Checkout", FlagState.on()))
			.withMessageStartingWith("Cannot force flag 'New Checkout': not a valid flag key");
	}

	@Test
	void refusesAVariantOfAFlagThatIsOff() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FlagState(false, "treatment"))
			.withMessage("A flag that is off serves no variant; force variant 'treatment' with the flag on");
		assertThatIllegalArgumentException().isThrownBy(() -> FlagState.variant(" "))
			.withMessage("A forced variant must not be blank");
	}

	@Test
	void replacingIsAllOrNothing() {
		this.overrides.force("on-for-all", FlagState.off());
		assertThatIllegalArgumentException().isThrownBy(() -> this.overrides
			.replace(Map.of("staff-only", FlagState.on(), "pricing", FlagState.variant("nope"))));
		assertThat(this.overrides.forced()).containsOnlyKeys("on-for-all");
	}

	@Test
	void statesReadAsInDisplayNames() {
		assertThat(FlagState.on()).hasToString("on");
		assertThat(FlagState.off()).hasToString("off");
		assertThat(FlagState.variant("treatment")).hasToString("treatment");
	}

}
