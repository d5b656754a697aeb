package dev.flags.core.experiment;

import java.util.List;
import java.util.Map;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Condition;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.FlagKind;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Reason;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Variant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Exposure}: only units the variant bucket randomised are exposures.
 */
class ExposureTests {

	private static final FlagSnapshot SNAPSHOT = FlagSnapshot.of(Definitions.of(List.of(
			experiment("pricing").include("vip")
				.rules(List.of(Rule.variant("treatment", Condition.of("plan", Operator.IN, "staff")),
						Rule.rollout(100, Condition.of("country", Operator.IN, "DE"))))
				.build(),
			experiment("by-account").bucketBy("account").build(),
			Flag.builder("plain").rollout(100).build()), List.of()));

	@Test
	void aUnitBucketedByTheRolloutIsExposed() {
		Exposure exposure = exposure("pricing", FlagContext.of("user-1"));
		assertThat(exposure).isNotNull();
		assertThat(exposure.unit()).isEqualTo("user-1");
		assertThat(exposure.variant()).isEqualTo(SNAPSHOT.variant("pricing", FlagContext.of("user-1"), null));
		assertThat(SNAPSHOT.evaluate("pricing", FlagContext.of("user-1")).reason()).isEqualTo(Reason.ROLLOUT);
	}

	@Test
	void aUnitBucketedByARuleThatRollsOutIsExposed() {
		FlagContext context = FlagContext.of("user-2", Map.of("country", "DE"));
		assertThat(SNAPSHOT.evaluate("pricing", context).reason()).isEqualTo(Reason.RULE_MATCH);
		assertThat(exposure("pricing", context)).isNotNull();
	}

	@Test
	void anIncludedUnitIsNotRandomised() {
		FlagContext context = FlagContext.of("vip");
		assertThat(SNAPSHOT.evaluate("pricing", context).reason()).isEqualTo(Reason.INCLUDED);
		assertThat(SNAPSHOT.evaluate("pricing", context).variant()).isNotNull();
		assertThat(exposure("pricing", context)).isNull();
	}

	@Test
	void aRuleWithAFixedVariantDoesNotRandomise() {
		FlagContext context = FlagContext.of("user-3", Map.of("plan", "staff"));
		Evaluation evaluation = SNAPSHOT.evaluate("pricing", context);
		assertThat(evaluation.reason()).isEqualTo(Reason.RULE_MATCH);
		assertThat(evaluation.variant()).isEqualTo("treatment");
		assertThat(exposure("pricing", context)).isNull();
	}

	@Test
	void aContextWithoutAUnitGetsTheFirstVariantButIsNotExposed() {
		Evaluation evaluation = SNAPSHOT.evaluate("pricing", FlagContext.anonymous());
		assertThat(evaluation.variant()).isEqualTo("control");
		assertThat(exposure("pricing", FlagContext.anonymous())).isNull();
	}

	@Test
	void theUnitIsTheBucketByAttribute() {
		FlagContext context = FlagContext.of("user-4", Map.of("account", 42));
		Exposure exposure = exposure("by-account", context);
		assertThat(exposure).isNotNull();
		assertThat(exposure.unit()).isEqualTo("42");
		assertThat(exposure("by-account", FlagContext.of("user-4"))).isNull();
	}

	@Test
	void flagsWithoutVariantsAndMissingFlagsHaveNoExposures() {
		assertThat(exposure("plain", FlagContext.of("user-1"))).isNull();
		assertThat(exposure("missing", FlagContext.of("user-1"))).isNull();
		assertThat(Exposure.of(SNAPSHOT, "missing", Evaluation.ofDefault(true, "control", Reason.FLAG_NOT_FOUND),
				FlagContext.of("user-1"))).isNull();
	}

	@Test
	void aDisabledExperimentHasNoExposures() {
		FlagSnapshot disabled = FlagSnapshot.of(Definitions.of(List.of(experiment("off").enabled(false).build()), List.of()));
		assertThat(Exposure.of(disabled, "off", disabled.evaluate("off", FlagContext.of("user-1")),
				FlagContext.of("user-1"))).isNull();
	}

	private static @Nullable Exposure exposure(String key, FlagContext context) {
		return Exposure.of(SNAPSHOT, key, SNAPSHOT.evaluate(key, context), context);
	}

	private static Flag.Builder experiment(String key) {
		return Flag.builder(key)
			.kind(FlagKind.EXPERIMENT)
			.rollout(100)
			.variants(Variant.of("control", 50), Variant.of("treatment", 50));
	}

}
