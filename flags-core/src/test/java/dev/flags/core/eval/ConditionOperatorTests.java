package dev.flags.core.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.flags.core.eval.ConditionCheck.holds;
import static dev.flags.core.eval.ConditionCheck.holdsNegated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the operators {@code in} and {@code not_in} of spec §5, with the string forms and
 * number equality of §5.1, negation, list-valued and missing attributes.
 */
class ConditionOperatorTests {

	@ParameterizedTest(name = "{0} in {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			"DE"               | ["DE", "FR"]          | true
			"FR"               | ["DE", "FR"]          | true
			"IT"               | ["DE", "FR"]          | false
			"de"               | ["DE"]                | false
			"DE "              | ["DE"]                | false
			""                 | [""]                  | true
			"x"                | []                    | false
			"é中😀"            | ["é中😀"]             | true
			42                 | [42]                  | true
			42                 | [42.0]                | true
			42.0               | [42]                  | true
			42                 | [4.2e1]               | true
			42                 | ["42"]                | true
			"42"               | [42]                  | true
			"42"               | [42.0]                | true
			-7                 | ["-7"]                | true
			0                  | [-0.0]                | true
			"42.0"             | [42]                  | false
			42                 | ["42.0"]              | false
			" 42"              | [42]                  | false
			"042"              | [42]                  | false
			1e3                | [1000]                | true
			1e3                | ["1000"]              | true
			"1000"             | [1e3]                 | true
			"1e3"              | [1000]                | false
			0.5                | [0.5]                 | true
			0.5                | [5e-1]                | true
			0.5                | ["0.5"]               | false
			"0.5"              | [0.5]                 | false
			9007199254740991   | ["9007199254740991"]  | true
			9007199254740992   | ["9007199254740992"]  | false
			"9007199254740992" | [9007199254740992]    | false
			-9007199254740992  | ["-9007199254740992"] | false
			9007199254740992   | [9007199254740992]    | true
			1e300              | ["1e300"]             | false
			1e999999999        | ["1"]                 | false
			5                  | [1e999999999, "5"]    | true
			true               | [true]                | true
			true               | ["true"]              | true
			"true"             | [true]                | true
			false              | ["false"]             | true
			"True"             | [true]                | false
			true               | [1]                   | false
			1                  | [true]                | false
			false              | [0]                   | false
			""                 | [0, false, "x"]       | false
			""                 | [0, false, ""]        | true
			""                 | [1.5, ""]             | true
			["a", "b"]         | ["b"]                 | true
			["a", "b"]         | ["c"]                 | false
			["a", null, "b"]   | ["b"]                 | true
			[1, 2]             | ["2"]                 | true
			[1, 2]             | [2.0]                 | true
			["x", true]        | ["true"]              | true
			[0.5, 3]           | ["0.5"]               | false
			""")
	void inMatchesEqualNumbersOrEqualStringForms(String attribute, String values, boolean expected) {
		assertThat(holds("in", attribute, values)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} not_in {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			"IT"          | ["DE", "FR"] | true
			"DE"          | ["DE", "FR"] | false
			42            | ["42"]       | false
			43            | ["42"]       | true
			["a", "b"]    | ["c"]        | true
			["a", "b"]    | ["b"]        | false
			["a", "b"]    | ["a", "b"]   | false
			"x"           | []           | true
			""")
	void notInHoldsWhenNoElementIsIn(String attribute, String values, boolean expected) {
		assertThat(holds("not_in", attribute, values)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "negated {0}")
	@CsvSource(delimiter = '|', textBlock = """
			in     | "DE"       | ["DE"] | false
			in     | "IT"       | ["DE"] | true
			not_in | "DE"       | ["DE"] | true
			not_in | "IT"       | ["DE"] | false
			in     | ["a", "b"] | ["b"]  | false
			not_in | ["a", "b"] | ["b"]  | true
			""")
	void negateInvertsTheResult(String op, String attribute, String values, boolean expected) {
		assertThat(holdsNegated(op, attribute, values)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "in", "not_in", "contains", "starts_with", "ends_with", "gt", "gte", "lt", "lte",
			"before", "after", "semver_eq", "semver_gt", "semver_lt" })
	void missingAttributeNeverMatchesEvenWhenNegated(String op) {
		String values = "[\"x\", 1, \"2025-01-01\", \"1.0.0\"]";
		String absent = "{ \"key\": \"user-1\", \"attributes\": { \"other\": \"x\" } }";
		String nullValue = "{ \"key\": \"user-1\", \"attributes\": { \"a\": null } }";
		String emptyList = "{ \"key\": \"user-1\", \"attributes\": { \"a\": [] } }";
		String nullsOnly = "{ \"key\": \"user-1\", \"attributes\": { \"a\": [null, null] } }";
		for (String context : new String[] { absent, nullValue, emptyList, nullsOnly }) {
			assertThat(holds(ConditionCheck.condition("a", op, values, false), context)).as(context).isFalse();
			assertThat(holds(ConditionCheck.condition("a", op, values, true), context)).as(context).isFalse();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "in", "not_in", "contains", "gt", "before", "semver_eq" })
	void keyAttributeOfAnonymousContextIsMissing(String op) {
		String anonymous = "{ \"attributes\": { \"key\": \"user-1\" } }";
		assertThat(holds(ConditionCheck.condition("key", op, "[\"user-1\"]", false), anonymous)).isFalse();
		assertThat(holds(ConditionCheck.condition("key", op, "[\"user-1\"]", true), anonymous)).isFalse();
	}

	@ParameterizedTest(name = "key {0} in {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			user-1 | ["user-1"] | true
			user-2 | ["user-1"] | false
			""")
	void keyAttributeIsTheContextKey(String key, String values, boolean expected) {
		String context = "{ \"key\": \"" + key + "\", \"attributes\": { \"key\": \"user-1\" } }";
		assertThat(holds(ConditionCheck.condition("key", "in", values, false), context)).isEqualTo(expected);
	}

}
