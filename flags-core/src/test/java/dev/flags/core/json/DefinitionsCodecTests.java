package dev.flags.core.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.flags.core.model.Condition;
import dev.flags.core.model.DefinitionProblem;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.FlagKind;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link DefinitionsCodec}: lossless round trips and the rejections of spec §1.
 */
class DefinitionsCodecTests {

	private static final String FULL = """
			{
			  "flags": [
			    {
			      "key": "new-checkout",
			      "kind": "experiment",
			      "description": "One-page checkout",
			      "owner": "payments",
			      "enabled": true,
			      "rollout": 33.333,
			      "bucketBy": "org",
			      "salt": "checkout-2026",
			      "include": ["user-1"],
			      "exclude": ["user-9"],
			      "rules": [
			        { "description": "EU enterprise",
			          "when": [ { "attribute": "plan", "op": "in", "values": ["enterprise", 42, 0.125, true, 1e3],
			                      "negate": true, "x-condition": {"a": [1, null]} },
			                    { "attribute": "country", "op": "not_in", "values": ["DE", "FR"] } ],
			          "rollout": 0.125, "x-rule": "kept" },
			        { "when": [ { "op": "in_segment", "values": ["staff"] } ], "variant": "treatment" }
			      ],
			      "variants": [ { "name": "control", "weight": 33.333, "x-variant": 1.50 },
			                    { "name": "treatment", "weight": 66.667 } ],
			      "clientVisible": true,
			      "createdAt": "2026-11-01T09:00:00Z",
			      "expiresAt": "2027-01-31",
			      "version": 3,
			      "x-flag": { "nested": { "deep": [0.10, "s", false, null] } }
			    },
			    { "key": "kill", "kind": "kill-switch", "enabled": false, "rollout": 100 },
			    { "key": "bare" }
			  ],
			  "segments": [
			    { "key": "staff", "description": "Employees", "include": ["user-7"], "exclude": ["user-8"],
			      "rules": [ { "description": "by mail", "when": [ {"attribute": "email", "op": "ends_with", "values": ["@example.com"]} ],
			                   "x-segment-rule": 7 } ],
			      "x-segment": "kept" }
			  ],
			  "x-document": { "generator": "tests", "n": 12345678901234567890 }
			}
			""";

	@Test
	void roundTripLosesNothing() {
		Definitions read = DefinitionsCodec.read(FULL);
		String written = DefinitionsCodec.write(read);
		Definitions reread = DefinitionsCodec.read(written);
		assertThat(reread).isEqualTo(read);
		assertThat(DefinitionsCodec.write(reread)).isEqualTo(written);
		assertThat(DefinitionsCodec.parse(written)).isEqualTo(DefinitionsCodec.parse(DefinitionsCodec.write(reread)));
	}

	@Test
	void readKeepsEveryField() {
		Definitions read = DefinitionsCodec.read(FULL);
		Flag flag = read.flag("new-checkout").orElseThrow();
		assertThat(flag.kind()).isEqualTo(FlagKind.EXPERIMENT);
		assertThat(flag.description()).isEqualTo("One-page checkout");
		assertThat(flag.owner()).isEqualTo("payments");
		assertThat(flag.rollout()).isEqualTo(new BigDecimal("33.333"));
		assertThat(flag.bucketBy()).isEqualTo("org");
		assertThat(flag.salt()).isEqualTo("checkout-2026");
		assertThat(flag.include()).containsExactly("user-1");
		assertThat(flag.exclude()).containsExactly("user-9");
		assertThat(flag.clientVisible()).isTrue();
		assertThat(flag.createdAt()).isEqualTo("2026-11-01T09:00:00Z");
		assertThat(flag.expiresAt()).isEqualTo("2027-01-31");
		assertThat(flag.version()).isEqualTo(3L);
		assertThat(flag.rules().get(0).rollout()).isEqualTo(new BigDecimal("0.125"));
		assertThat(flag.rules().get(0).extra()).containsEntry("x-rule", "kept");
		assertThat(flag.rules().get(0).when().get(0).negate()).isTrue();
		assertThat(flag.rules().get(0).when().get(0).extra()).containsKey("x-condition");
		assertThat(flag.rules().get(1).variant()).isEqualTo("treatment");
		assertThat(flag.variants().get(0).weight()).isEqualTo(new BigDecimal("33.333"));
		assertThat(flag.variants().get(0).extra()).containsEntry("x-variant", new BigDecimal("1.50"));
		assertThat(flag.extra()).containsKey("x-flag");
		assertThat(read.segments().get(0).extra()).containsEntry("x-segment", "kept");
		assertThat(read.segments().get(0).rules().get(0).extra()).containsEntry("x-segment-rule", 7);
		assertThat(read.extra()).containsKey("x-document");
		Flag bare = read.flag("bare").orElseThrow();
		assertThat(bare.kind()).isEqualTo(FlagKind.RELEASE);
		assertThat(bare.enabled()).isTrue();
		assertThat(bare.rollout()).isEqualByComparingTo(BigDecimal.ZERO);
	}

	@Test
	void decimalsAreWrittenExactly() {
		String written = DefinitionsCodec.write(DefinitionsCodec.read(FULL));
		assertThat(written).contains("\"rollout\" : 33.333", "\"rollout\" : 0.125", "\"weight\" : 33.333",
				"\"weight\" : 66.667", "1.50", "0.10", "12345678901234567890");
	}

	@Test
	void numbersInExponentFormRoundTrip() {
		String document = """
				{ "flags": [ { "key": "f", "rollout": 1e1,
				               "rules": [ { "when": [ { "attribute": "n", "op": "in", "values": [1e3, 1.5E+3, 2.5e-1] } ] } ],
				               "variants": [ { "name": "a", "weight": 5e1 }, { "name": "b", "weight": 0.5e2 } ],
				               "x": 1e2 } ] }
				""";
		Definitions read = DefinitionsCodec.read(document);
		Definitions reread = DefinitionsCodec.read(DefinitionsCodec.write(read));
		assertThat(reread).isEqualTo(read);
	}

	@Test
	void builtDefinitionsRoundTrip() {
		Flag flag = Flag.builder("f")
			.rollout(100)
			.rule(Rule.rollout(50, Condition.of("n", Operator.IN, 1000, "x", true)))
			.variants(Variant.of("a", 50), Variant.of("b", 50))
			.build();
		Definitions built = Definitions.of(List.of(flag, Flag.builder("g").rollout(12.5).build()), List.of());
		assertThat(DefinitionsCodec.read(DefinitionsCodec.write(built))).isEqualTo(built);
	}

	@Test
	void singleFlagRoundTrip() {
		Flag flag = DefinitionsCodec.read(FULL).flag("new-checkout").orElseThrow();
		assertThat(DefinitionsCodec.readFlag(DefinitionsCodec.writeFlag(flag))).isEqualTo(flag);
	}

	/** Flags, written with single quotes for readability, that break one rule each. */
	static Stream<Arguments> invalidFlags() {
		return Stream.of(
				arguments("bad key", "flags[0]", "key", "not a valid flag key",
						"{ 'key': 'New Checkout' }"),
				arguments("empty key", "flags[0]", "key", "not a valid flag key",
						"{ 'key': '' }"),
				arguments("missing key", "flags[0]", "key", "is required",
						"{ 'rollout': 5 }"),
				arguments("rollout below 0", "flag 'f'", "rollout", "between 0 and 100",
						"{ 'key': 'f', 'rollout': -0.001 }"),
				arguments("rollout above 100", "flag 'f'", "rollout", "between 0 and 100",
						"{ 'key': 'f', 'rollout': 100.001 }"),
				arguments("four decimals", "flag 'f'", "rollout", "at most 3 decimals",
						"{ 'key': 'f', 'rollout': 12.3456 }"),
				arguments("rule rollout", "flag 'f'", "rules[0].rollout", "between 0 and 100",
						"{ 'key': 'f', 'rules': [ { 'when': [], 'rollout': 101 } ] }"),
				arguments("unknown operator", "flag 'f'", "rules[0].when[0].op", "unknown operator 'like'",
						"{ 'key': 'f', 'rules': [ { 'when': [ { 'attribute': 'a', 'op': 'like', 'values': [] } ] } ] }"),
				arguments("variant and rollout", "flag 'f'", "rules[0]", "either a variant or a rollout",
						"{ 'key': 'f', 'variants': [ { 'name': 'a', 'weight': 100 } ], 'rules': [ { 'when': [], 'variant': 'a', 'rollout': 50 } ] }"),
				arguments("undeclared variant", "flag 'f'", "rules[0].variant", "'b' is not one of the flag's variants",
						"{ 'key': 'f', 'variants': [ { 'name': 'a', 'weight': 100 } ], 'rules': [ { 'when': [], 'variant': 'b' } ] }"),
				arguments("negative weight", "flag 'f'", "variants[0].weight", "must not be negative",
						"{ 'key': 'f', 'variants': [ { 'name': 'a', 'weight': -10 }, { 'name': 'b', 'weight': 110 } ] }"),
				arguments("weights not 100", "flag 'f'", "variants", "must sum to 100",
						"{ 'key': 'f', 'variants': [ { 'name': 'a', 'weight': 50 }, { 'name': 'b', 'weight': 40 } ] }"),
				arguments("unknown kind", "flag 'f'", "kind", "unknown kind 'feature'",
						"{ 'key': 'f', 'kind': 'feature' }"),
				arguments("null value", "flag 'f'", "rules[0].when[0].values[0]", "must be a string, number or boolean",
						"{ 'key': 'f', 'rules': [ { 'when': [ { 'attribute': 'a', 'op': 'in', 'values': [null] } ] } ] }"),
				arguments("list value", "flag 'f'", "rules[0].when[0].values[1]", "must be a string, number or boolean",
						"{ 'key': 'f', 'rules': [ { 'when': [ { 'attribute': 'a', 'op': 'in', 'values': ['x', [1]] } ] } ] }"),
				arguments("object value", "flag 'f'", "rules[0].when[0].values[0]", "must be a string, number or boolean",
						"{ 'key': 'f', 'rules': [ { 'when': [ { 'attribute': 'a', 'op': 'in', 'values': [{}] } ] } ] }"),
				arguments("enabled yes", "flag 'f'", "enabled", "must be true or false",
						"{ 'key': 'f', 'enabled': 'yes' }"),
				arguments("rollout string", "flag 'f'", "rollout", "must be a number",
						"{ 'key': 'f', 'rollout': '25' }"),
				arguments("include string", "flag 'f'", "include", "must be an array",
						"{ 'key': 'f', 'include': 'x' }"),
				arguments("include number", "flag 'f'", "include[0]", "must be a string",
						"{ 'key': 'f', 'include': [1] }"),
				arguments("values not a list", "flag 'f'", "rules[0].when[0].values", "must be an array",
						"{ 'key': 'f', 'rules': [ { 'when': [ { 'attribute': 'a', 'op': 'in', 'values': 'x' } ] } ] }"),
				arguments("missing attribute", "flag 'f'", "rules[0].when[0].attribute", "is required",
						"{ 'key': 'f', 'rules': [ { 'when': [ { 'op': 'in', 'values': ['x'] } ] } ] }"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "1e999999", "1e-999999", "1e999999999", "-1E+2000" })
	void absurdExponentIsRefusedWithAShortMessage(String rollout) {
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> DefinitionsCodec.readFlag("{\"key\": \"x\", \"rollout\": " + rollout + "}"))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((problem) -> {
				assertThat(problem.field()).isEqualTo("rollout");
				assertThat(problem.reason()).hasSizeLessThan(120).contains("E");
			}));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidFlags")
	void invalidFlagIsRejectedNamingFlagFieldAndReason(String name, String location, String field, String reason,
			String flag) {
		String document = "{ \"flags\": [ " + flag.replace('\'', '"') + " ] }";
		assertThatExceptionOfType(InvalidDefinitionsException.class).isThrownBy(() -> DefinitionsCodec.read(document))
			.satisfies((ex) -> {
				assertThat(ex.problems()).singleElement().satisfies((problem) -> {
					assertThat(problem.location()).isEqualTo(location);
					assertThat(problem.field()).isEqualTo(field);
					assertThat(problem.reason()).contains(reason);
				});
				assertThat(ex.getMessage()).contains(location, field, reason);
			});
	}

	@Test
	void duplicateFlagKeyIsRejected() {
		assertSingleProblem("{ \"flags\": [ { \"key\": \"f\" }, { \"key\": \"f\" } ] }", "flag 'f'", "key",
				"duplicate flag key 'f'");
	}

	@Test
	void duplicateSegmentKeyIsRejected() {
		assertSingleProblem("{ \"segments\": [ { \"key\": \"s\" }, { \"key\": \"s\" } ] }", "segment 's'", "key",
				"duplicate segment key 's'");
	}

	@Test
	void inSegmentInsideASegmentRuleIsRejected() {
		assertSingleProblem("""
				{ "segments": [ { "key": "s", "rules": [ { "when": [ { "op": "in_segment", "values": ["t"] } ] } ] },
				                { "key": "t" } ] }
				""", "segment 's'", "rules[0].when[0].op", "in_segment is not allowed");
	}

	@Test
	void badValueInASegmentRuleIsRejected() {
		assertSingleProblem("""
				{ "segments": [ { "key": "s", "rules": [ { "when": [ { "attribute": "a", "op": "in", "values": [null] } ] } ] } ] }
				""", "segment 's'", "rules[0].when[0].values[0]", "must be a string, number or boolean");
	}

	@Test
	void malformedJsonIsRejected() {
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> DefinitionsCodec.read("{ \"flags\": [ { \"key\": \"f\", } ] }"))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((problem) -> {
				assertThat(problem.location()).isEqualTo("document");
				assertThat(problem.reason()).contains("malformed JSON", "line 1");
			}));
		assertThatExceptionOfType(InvalidDefinitionsException.class).isThrownBy(() -> DefinitionsCodec.read(""));
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> DefinitionsCodec.read("{ \"flags\": [] } trailing"));
		assertThatExceptionOfType(InvalidDefinitionsException.class).isThrownBy(() -> DefinitionsCodec.read("[]"));
	}

	@Test
	void duplicateJsonObjectKeysAreRejected() {
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> DefinitionsCodec.read("{ \"flags\": [ { \"key\": \"f\", \"rollout\": 5, \"rollout\": 50 } ] }"))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement()
				.satisfies((problem) -> assertThat(problem.reason()).contains("Duplicate", "rollout")));
	}

	@Test
	void everyProblemIsReportedTogether() {
		String document = """
				{ "flags": [ { "key": "ok", "rollout": 5 },
				             { "key": "a", "rollout": 101, "enabled": "yes" },
				             { "key": "b", "kind": "nope", "variants": [ { "name": "v", "weight": 60 } ] } ],
				  "segments": [ { "key": "s", "rules": [ { "when": [ { "op": "in_segment", "values": ["s"] } ] } ] } ] }
				""";
		assertThatExceptionOfType(InvalidDefinitionsException.class).isThrownBy(() -> DefinitionsCodec.read(document))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(DefinitionProblem::location, DefinitionProblem::field)
				.containsExactlyInAnyOrder(tuple("flag 'a'", "rollout"), tuple("flag 'a'", "enabled"),
						tuple("flag 'b'", "kind"), tuple("flag 'b'", "variants"),
						tuple("segment 's'", "rules[0].when[0].op")));
	}

	@Test
	void fieldOfTheWrongTypeIsReportedOnce() {
		assertSingleProblem("{ \"flags\": [ { \"key\": \"f\", \"rollout\": \"250\" } ] }", "flag 'f'", "rollout",
				"must be a number");
	}

	@Test
	void invalidDocumentReturnsNothing() {
		String document = "{ \"flags\": [ { \"key\": \"good\", \"rollout\": 50 }, { \"key\": \"bad\", \"rollout\": 500 } ] }";
		Definitions[] result = new Definitions[1];
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> result[0] = DefinitionsCodec.read(document));
		assertThat(result[0]).isNull();
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> DefinitionsCodec.readFlag("{ \"key\": \"bad\", \"rollout\": 500 }"));
	}

	@Test
	void validEdgeValuesAreAccepted() {
		Definitions read = DefinitionsCodec.read("""
				{ "flags": [ { "key": "0", "rollout": 0 }, { "key": "a.b_c-d", "rollout": 100 },
				             { "key": "f", "rollout": 12.3450 }, { "key": "g", "rollout": 0.001 },
				             { "key": "v", "variants": [ { "name": "a", "weight": 0 }, { "name": "b", "weight": 33.3333 },
				                                         { "name": "c", "weight": 66.6667 } ] } ] }
				""");
		assertThat(read.flags()).hasSize(5);
	}

	@Test
	void readContextNormalizesAttributes() {
		FlagContext context = DefinitionsCodec.readContext("""
				{ "key": "user-42", "attributes": { "plan": "enterprise", "age": 31, "beta": true,
				  "groups": ["a", null, "b"], "gone": null, "empty": [], "nulls": [null] } }
				""");
		assertThat(context.key()).isEqualTo("user-42");
		assertThat(context.attributes()).containsOnlyKeys("plan", "age", "beta", "groups");
		assertThat(context.attribute("groups")).isEqualTo(List.of("a", "b"));
		assertThat(context.attribute("key")).isEqualTo("user-42");
		assertThat(DefinitionsCodec.readContext("{}")).isEqualTo(FlagContext.anonymous());
		assertThat(DefinitionsCodec.readContext("{ \"key\": null, \"attributes\": {} }")).isEqualTo(FlagContext.anonymous());
		assertThat(DefinitionsCodec.readContext("{ \"key\": \"u\", \"attributes\": { \"a\": 1 } }"))
			.isEqualTo(FlagContext.of("u", Map.of("a", 1)));
	}

	@Test
	void readContextRejectsOtherShapes() {
		assertThatIllegalArgumentException().isThrownBy(() -> DefinitionsCodec.readContext("[]"));
		assertThatIllegalArgumentException().isThrownBy(() -> DefinitionsCodec.readContext("{ \"key\": 42 }"))
			.withMessageContaining("key");
		assertThatIllegalArgumentException().isThrownBy(() -> DefinitionsCodec.readContext("{ \"attributes\": [] }"))
			.withMessageContaining("attributes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DefinitionsCodec.readContext("{ \"attributes\": { \"a\": [[1]] } }"))
			.withMessageContaining("'a'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DefinitionsCodec.readContext("{ \"attributes\": { \"a\": { \"b\": 1 } } }"))
			.withMessageContaining("'a'");
		assertThatIllegalArgumentException().isThrownBy(() -> DefinitionsCodec.readContext("{ \"key\": "));
	}

	private static void assertSingleProblem(String document, String location, String field, String reason) {
		assertThatExceptionOfType(InvalidDefinitionsException.class).isThrownBy(() -> DefinitionsCodec.read(document))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((problem) -> {
				assertThat(problem.location()).isEqualTo(location);
				assertThat(problem.field()).isEqualTo(field);
				assertThat(problem.reason()).contains(reason);
			}));
	}

}
