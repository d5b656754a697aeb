package dev.flags.core.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Condition;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Reason;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the evaluation steps of spec §4, in their order of precedence, with the rollouts of §3.
 * Where a result depends on a hash, the expectation is computed here from {@link Murmur3#bucket}.
 */
class EvaluationStepsTests {

	private static final Condition PLAN_ENTERPRISE = Condition.of("plan", Operator.IN, "enterprise");

	private static final Condition COUNTRY_DE = Condition.of("country", Operator.IN, "DE");

	private static final FlagContext ENTERPRISE_DE = FlagContext.of("user-1",
			Map.of("plan", "enterprise", "country", "DE"));

	@Test
	void disabledFlagIsOffForEveryoneWhateverElseIsSet() {
		Flag flag = Flag.builder("f")
			.enabled(false)
			.rollout(100)
			.include("user-1")
			.rule(Rule.rollout(100))
			.variants(Variant.of("a", 100))
			.build();
		Evaluation disabled = new Evaluation(false, null, Reason.DISABLED, null);
		assertThat(evaluate(flag, ENTERPRISE_DE)).isEqualTo(disabled);
		assertThat(evaluate(flag, FlagContext.anonymous())).isEqualTo(disabled);
	}

	@Test
	void excludeBeatsIncludeRulesAndRollout() {
		Flag flag = Flag.builder("f").rollout(100).include("user-1").exclude("user-1").rule(Rule.rollout(100)).build();
		assertThat(evaluate(flag, ENTERPRISE_DE)).isEqualTo(new Evaluation(false, null, Reason.EXCLUDED, null));
	}

	@Test
	void includeBeatsRulesAndRollout() {
		Flag flag = Flag.builder("f").rollout(0).include("user-1").rule(Rule.rollout(0)).build();
		assertThat(evaluate(flag, ENTERPRISE_DE)).isEqualTo(new Evaluation(true, null, Reason.INCLUDED, null));
		assertThat(evaluate(flag, FlagContext.of("user-2"))).isEqualTo(new Evaluation(false, null, Reason.RULE_MATCH, 0));
	}

	@Test
	void listsNeedAContextKey() {
		Flag flag = Flag.builder("f").rollout(100).include("").exclude("x").build();
		assertThat(evaluate(flag, FlagContext.anonymous())).isEqualTo(new Evaluation(true, null, Reason.ROLLOUT, null));
	}

	@Test
	void includedContextGetsTheVariantItsBucketPicks() {
		Flag flag = Flag.builder("f").include(keys(200)).variants(Variant.of("a", 50), Variant.of("b", 50)).build();
		for (String key : keys(200)) {
			String expected = (variantBucket("f", key) < 50_000) ? "a" : "b";
			assertThat(evaluate(flag, FlagContext.of(key))).isEqualTo(new Evaluation(true, expected, Reason.INCLUDED, null));
		}
	}

	@Test
	void firstRuleWhoseConditionsAllHoldWins() {
		Flag flag = Flag.builder("f")
			.rollout(100)
			.rule(Rule.rollout(100, PLAN_ENTERPRISE, Condition.of("country", Operator.IN, "FR")))
			.rule(Rule.rollout(100, PLAN_ENTERPRISE, COUNTRY_DE))
			.rule(Rule.rollout(100, PLAN_ENTERPRISE))
			.build();
		assertThat(evaluate(flag, ENTERPRISE_DE)).isEqualTo(new Evaluation(true, null, Reason.RULE_MATCH, 1));
		FlagContext enterpriseIt = FlagContext.of("user-1", Map.of("plan", "enterprise", "country", "IT"));
		assertThat(evaluate(flag, enterpriseIt)).isEqualTo(new Evaluation(true, null, Reason.RULE_MATCH, 2));
		assertThat(evaluate(flag, FlagContext.of("user-1"))).isEqualTo(new Evaluation(true, null, Reason.ROLLOUT, null));
	}

	@Test
	void ruleWithNoConditionsAlwaysHolds() {
		Flag flag = Flag.builder("f").rule(Rule.rollout(100)).build();
		assertThat(evaluate(flag, FlagContext.anonymous())).isEqualTo(new Evaluation(true, null, Reason.RULE_MATCH, 0));
	}

	@Test
	void ruleWithVariantServesThatVariantWithoutBucketing() {
		Flag flag = Flag.builder("f")
			.variants(Variant.of("control", 50), Variant.of("treatment", 50))
			.rule(Rule.variant("treatment", PLAN_ENTERPRISE))
			.build();
		Evaluation treatment = new Evaluation(true, "treatment", Reason.RULE_MATCH, 0);
		assertThat(evaluate(flag, ENTERPRISE_DE)).isEqualTo(treatment);
		assertThat(evaluate(flag, FlagContext.builder().attribute("plan", "enterprise").build())).isEqualTo(treatment);
		for (String key : keys(100)) {
			assertThat(evaluate(flag, FlagContext.of(key, Map.of("plan", "enterprise")))).isEqualTo(treatment);
		}
	}

	@Test
	void ruleRolloutDefaultsTo100() {
		Flag flag = Flag.builder("f")
			.rule(new Rule(null, List.of(PLAN_ENTERPRISE), null, null, Map.of()))
			.build();
		assertThat(evaluate(flag, FlagContext.builder().attribute("plan", "enterprise").build()))
			.isEqualTo(new Evaluation(true, null, Reason.RULE_MATCH, 0));
		Flag read = DefinitionsCodec.read("""
				{ "flags": [ { "key": "f", "rules": [ { "when": [] } ] } ] }
				""").flags().get(0);
		assertThat(evaluate(read, FlagContext.anonymous())).isEqualTo(new Evaluation(true, null, Reason.RULE_MATCH, 0));
	}

	@Test
	void matchingRuleDecidesEvenWhenItsRolloutIsZero() {
		Flag flag = Flag.builder("f").rollout(100).rule(Rule.rollout(0, PLAN_ENTERPRISE)).build();
		assertThat(evaluate(flag, ENTERPRISE_DE)).isEqualTo(new Evaluation(false, null, Reason.RULE_MATCH, 0));
		assertThat(evaluate(flag, FlagContext.of("user-2"))).isEqualTo(new Evaluation(true, null, Reason.ROLLOUT, null));
	}

	@Test
	void rulePartialRolloutAdmitsUnitsBelowItsThreshold() {
		Flag flag = Flag.builder("f").rollout(100).rule(Rule.rollout(30, PLAN_ENTERPRISE)).build();
		int on = 0;
		for (String key : keys(2000)) {
			boolean expected = rolloutBucket("f", key) < 30_000;
			Evaluation evaluation = evaluate(flag, FlagContext.of(key, Map.of("plan", "enterprise")));
			assertThat(evaluation).isEqualTo(new Evaluation(expected, null, Reason.RULE_MATCH, 0));
			on += expected ? 1 : 0;
		}
		assertThat(on).isBetween(1, 1999);
	}

	@Test
	void flagRolloutDefaultsToZero() {
		Flag flag = DefinitionsCodec.read("{ \"flags\": [ { \"key\": \"f\" } ] }").flags().get(0);
		Evaluation off = new Evaluation(false, null, Reason.ROLLOUT, null);
		assertThat(evaluate(flag, FlagContext.of("user-1"))).isEqualTo(off);
		assertThat(evaluate(flag, FlagContext.anonymous())).isEqualTo(off);
	}

	@Test
	void fullRolloutNeedsNoUnit() {
		Flag flag = Flag.builder("f").rollout(100).build();
		assertThat(evaluate(flag, FlagContext.anonymous())).isEqualTo(new Evaluation(true, null, Reason.ROLLOUT, null));
	}

	@Test
	void flagPartialRolloutAdmitsUnitsBelowRoundedThreshold() {
		Flag flag = Flag.builder("f").rollout(33.333).build();
		int on = 0;
		for (String key : keys(3000)) {
			boolean expected = rolloutBucket("f", key) < 33_333;
			assertThat(evaluate(flag, FlagContext.of(key))).isEqualTo(new Evaluation(expected, null, Reason.ROLLOUT, null));
			on += expected ? 1 : 0;
		}
		assertThat(on).isBetween(1, 2999);
	}

	@Test
	void thresholdIsExactAtTheSmallestStep() {
		String key = keys(1).get(0);
		int bucket = rolloutBucket("f", key);
		Flag justBelow = Flag.builder("f").rollout(new BigDecimal(bucket).movePointLeft(3)).build();
		Flag justAbove = Flag.builder("f").rollout(new BigDecimal(bucket + 1).movePointLeft(3)).build();
		assertThat(evaluate(justBelow, FlagContext.of(key)).enabled()).isFalse();
		assertThat(evaluate(justAbove, FlagContext.of(key)).enabled()).isTrue();
	}

	@Test
	void saltReplacesTheKeyInTheHash() {
		Flag flag = Flag.builder("f").salt("other-salt").rollout(50).build();
		for (String key : keys(500)) {
			boolean expected = rolloutBucket("other-salt", key) < 50_000;
			assertThat(evaluate(flag, FlagContext.of(key)).enabled()).as(key).isEqualTo(expected);
		}
	}

	@Test
	void partialRolloutWithoutUnitIsOffForLackOfABucketingKey() {
		Flag flag = Flag.builder("f").rollout(50).rule(Rule.rollout(50, PLAN_ENTERPRISE)).build();
		assertThat(evaluate(flag, FlagContext.anonymous()))
			.isEqualTo(new Evaluation(false, null, Reason.NO_BUCKETING_KEY, null));
		assertThat(evaluate(flag, FlagContext.builder().attribute("plan", "enterprise").build()))
			.isEqualTo(new Evaluation(false, null, Reason.NO_BUCKETING_KEY, 0));
	}

	@Test
	void bucketByUsesTheAttributeAsTheUnit() {
		Flag flag = Flag.builder("f").bucketBy("org").rollout(50).build();
		int on = 0;
		for (String org : keys(500)) {
			boolean expected = rolloutBucket("f", org) < 50_000;
			assertThat(evaluate(flag, FlagContext.of("user-a", Map.of("org", org))).enabled()).isEqualTo(expected);
			assertThat(evaluate(flag, FlagContext.of("user-b", Map.of("org", org))).enabled()).isEqualTo(expected);
			on += expected ? 1 : 0;
		}
		assertThat(on).isBetween(1, 499);
	}

	@Test
	void bucketByKeyIsTheContextKey() {
		Flag flag = Flag.builder("f").bucketBy("key").rollout(50).build();
		for (String key : keys(300)) {
			boolean expected = rolloutBucket("f", key) < 50_000;
			FlagContext context = FlagContext.of(key, Map.of("key", "something-else"));
			assertThat(evaluate(flag, context).enabled()).isEqualTo(expected);
		}
	}

	@Test
	void numericAttributeBucketsByItsStringForm() {
		Flag flag = Flag.builder("f").bucketBy("account").rollout(50).build();
		for (int account = 0; account < 300; account++) {
			boolean expected = rolloutBucket("f", Integer.toString(account)) < 50_000;
			assertThat(evaluate(flag, context("account", "" + account)).enabled()).isEqualTo(expected);
			assertThat(evaluate(flag, context("account", account + ".0")).enabled()).isEqualTo(expected);
			assertThat(evaluate(flag, context("account", "\"" + account + "\"")).enabled()).isEqualTo(expected);
		}
		boolean thousand = rolloutBucket("f", "1000") < 50_000;
		assertThat(evaluate(flag, context("account", "1e3")).enabled()).isEqualTo(thousand);
		boolean yes = rolloutBucket("f", "true") < 50_000;
		assertThat(evaluate(flag, context("account", "true")).enabled()).isEqualTo(yes);
	}

	@Test
	void valuesWithoutAStringFormAreNoUnit() {
		Flag flag = Flag.builder("f").bucketBy("account").rollout(50).build();
		Evaluation noUnit = new Evaluation(false, null, Reason.NO_BUCKETING_KEY, null);
		assertThat(evaluate(flag, context("account", "0.5"))).isEqualTo(noUnit);
		assertThat(evaluate(flag, context("account", "9007199254740992"))).isEqualTo(noUnit);
		assertThat(evaluate(flag, context("account", "1e999999999"))).isEqualTo(noUnit);
		assertThat(evaluate(flag, context("account", "-1e999999999"))).isEqualTo(noUnit);
		assertThat(evaluate(flag, context("account", "[\"a\"]"))).isEqualTo(noUnit);
		assertThat(evaluate(flag, context("account", "[\"a\", \"b\"]"))).isEqualTo(noUnit);
		assertThat(evaluate(flag, context("account", "null"))).isEqualTo(noUnit);
		assertThat(evaluate(flag, FlagContext.of("user-1"))).isEqualTo(noUnit);
	}

	@Test
	void variantsFollowCumulativeWeightsAndSkipZeroWeights() {
		Flag flag = Flag.builder("f")
			.rollout(100)
			.variants(Variant.of("zero-first", 0), Variant.of("a", 25.5), Variant.of("zero-middle", 0),
					Variant.of("b", 74.5), Variant.of("zero-last", 0))
			.build();
		int a = 0;
		for (String key : keys(2000)) {
			String expected = (variantBucket("f", key) < 25_500) ? "a" : "b";
			assertThat(evaluate(flag, FlagContext.of(key))).isEqualTo(new Evaluation(true, expected, Reason.ROLLOUT, null));
			a += "a".equals(expected) ? 1 : 0;
		}
		assertThat(a).isBetween(1, 1999);
	}

	@Test
	void variantBucketIsIndependentOfTheRolloutBucket() {
		Flag flag = Flag.builder("f").rollout(40).variants(Variant.of("a", 50), Variant.of("b", 50)).build();
		for (String key : keys(2000)) {
			Evaluation evaluation = evaluate(flag, FlagContext.of(key));
			if (rolloutBucket("f", key) < 40_000) {
				String expected = (variantBucket("f", key) < 50_000) ? "a" : "b";
				assertThat(evaluation).isEqualTo(new Evaluation(true, expected, Reason.ROLLOUT, null));
			}
			else {
				assertThat(evaluation).isEqualTo(new Evaluation(false, null, Reason.ROLLOUT, null));
			}
		}
	}

	@Test
	void ruleRolloutPicksVariantsByBucket() {
		Flag flag = Flag.builder("f")
			.rule(Rule.rollout(100, PLAN_ENTERPRISE))
			.variants(Variant.of("a", 30), Variant.of("b", 70))
			.build();
		for (String key : keys(500)) {
			String expected = (variantBucket("f", key) < 30_000) ? "a" : "b";
			assertThat(evaluate(flag, FlagContext.of(key, Map.of("plan", "enterprise"))))
				.isEqualTo(new Evaluation(true, expected, Reason.RULE_MATCH, 0));
		}
	}

	@Test
	void withoutAUnitTheFirstVariantIsServed() {
		Flag flag = Flag.builder("f")
			.rollout(100)
			.rule(Rule.rollout(100, PLAN_ENTERPRISE))
			.variants(Variant.of("first", 0), Variant.of("second", 100))
			.build();
		assertThat(evaluate(flag, FlagContext.anonymous())).isEqualTo(new Evaluation(true, "first", Reason.ROLLOUT, null));
		assertThat(evaluate(flag, FlagContext.builder().attribute("plan", "enterprise").build()))
			.isEqualTo(new Evaluation(true, "first", Reason.RULE_MATCH, 0));
		assertThat(evaluate(flag, FlagContext.of("user-1"))).isEqualTo(new Evaluation(true, "second", Reason.ROLLOUT, null));
	}

	@Test
	void offHasNoVariant() {
		Flag flag = Flag.builder("f").rollout(0).variants(Variant.of("a", 100)).build();
		assertThat(evaluate(flag, FlagContext.of("user-1"))).isEqualTo(new Evaluation(false, null, Reason.ROLLOUT, null));
		FlagSnapshot snapshot = snapshot(flag);
		assertThat(snapshot.variant("f", FlagContext.of("user-1"), "fallback")).isEqualTo("fallback");
	}

	@Test
	void missingFlagServesTheCallersDefault() {
		FlagSnapshot snapshot = snapshot(Flag.builder("f").rollout(100).build());
		FlagContext context = FlagContext.of("user-1");
		assertThat(snapshot.evaluate("missing", context, true, "blue"))
			.isEqualTo(new Evaluation(true, "blue", Reason.FLAG_NOT_FOUND, null));
		assertThat(snapshot.evaluate("missing", context, false, null))
			.isEqualTo(new Evaluation(false, null, Reason.FLAG_NOT_FOUND, null));
		assertThat(snapshot.evaluate("missing", context)).isEqualTo(new Evaluation(false, null, Reason.FLAG_NOT_FOUND, null));
		assertThat(snapshot.isEnabled("missing", context, true)).isTrue();
		assertThat(snapshot.isEnabled("missing", context)).isFalse();
		assertThat(snapshot.variant("missing", context, "blue")).isEqualTo("blue");
		assertThat(FlagSnapshot.empty().evaluate("f", context, true, "x"))
			.isEqualTo(new Evaluation(true, "x", Reason.FLAG_NOT_FOUND, null));
	}

	@Test
	void evaluationThatFailsServesTheCallersDefaultWithoutThrowing() {
		Flag byCondition = Flag.builder("by-condition").rule(Rule.rollout(100, Condition.of("n", Operator.GT, 1))).build();
		Flag byUnit = Flag.builder("by-unit").bucketBy("n").rollout(50).build();
		Flag byIn = Flag.builder("by-in").rule(Rule.rollout(100, Condition.of("n", Operator.IN, 1))).build();
		FlagSnapshot snapshot = FlagSnapshot.of(Definitions.of(List.of(byCondition, byUnit, byIn), List.of()));
		FlagContext context = FlagContext.builder("user-1").attribute("n", new BrokenNumber()).build();
		for (String key : List.of("by-condition", "by-unit", "by-in")) {
			assertThat(snapshot.evaluate(key, context, true, "fallback"))
				.isEqualTo(new Evaluation(true, "fallback", Reason.ERROR, null));
			assertThat(snapshot.evaluate(key, context)).isEqualTo(new Evaluation(false, null, Reason.ERROR, null));
			assertThat(snapshot.isEnabled(key, context, true)).isTrue();
			assertThat(snapshot.isEnabled(key, context, false)).isFalse();
			assertThat(snapshot.variant(key, context, "fallback")).isEqualTo("fallback");
		}
	}

	static List<String> keys(int count) {
		Random random = new Random(42);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			keys.add("user-" + Long.toHexString(random.nextLong()));
		}
		return keys;
	}

	private static int rolloutBucket(String salt, String unit) {
		return Murmur3.bucket(salt + ":" + unit);
	}

	private static int variantBucket(String salt, String unit) {
		return Murmur3.bucket(salt + ":" + unit + ":variant");
	}

	private static FlagContext context(String attribute, String json) {
		return DefinitionsCodec.readContext("{ \"key\": \"user-1\", \"attributes\": { \"" + attribute + "\": " + json + " } }");
	}

	private static FlagSnapshot snapshot(Flag flag) {
		return FlagSnapshot.of(Definitions.of(List.of(flag), List.of()));
	}

	private static Evaluation evaluate(Flag flag, FlagContext context) {
		FlagSnapshot snapshot = snapshot(flag);
		Evaluation evaluation = snapshot.evaluate(flag.key(), context);
		assertThat(snapshot.isEnabled(flag.key(), context)).isEqualTo(evaluation.enabled());
		return evaluation;
	}

	/** A number whose value cannot be read, as a faulty attribute source might hand over. */
	static final class BrokenNumber extends Number {

		private static final long serialVersionUID = 1L;

		@Override
		public int intValue() {
			throw new IllegalStateException("unreadable");
		}

		@Override
		public long longValue() {
			throw new IllegalStateException("unreadable");
		}

		@Override
		public float floatValue() {
			throw new IllegalStateException("unreadable");
		}

		@Override
		public double doubleValue() {
			throw new IllegalStateException("unreadable");
		}

	}

}
