package dev.flags.core.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.flags.core.eval.ConditionCheck.holds;
import static dev.flags.core.eval.ConditionCheck.holdsNegated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the string operators ({@code contains}, {@code starts_with}, {@code ends_with}) and
 * the numeric comparisons ({@code gt}, {@code gte}, {@code lt}, {@code lte}) of spec §5, with the
 * numbers of §5.1.
 */
class TextAndNumberConditionTests {

	@ParameterizedTest(name = "{1} {0} {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			contains    | "alice@example.com" | ["@example"]        | true
			contains    | "alice@example.com" | ["@EXAMPLE"]        | false
			contains    | "alice@example.com" | ["x", "alice"]      | true
			starts_with | "alice@example.com" | ["alice"]           | true
			starts_with | "alice@example.com" | ["example"]         | false
			ends_with   | "alice@example.com" | ["@example.com"]    | true
			ends_with   | "alice@example.com" | ["@example.org"]    | false
			ends_with   | "alice@example.com" | ["@Example.com"]    | false
			contains    | "abc"               | [""]                | true
			contains    | ["x", "abc"]        | ["b"]               | true
			starts_with | ["x", "abc"]        | ["y"]               | false
			contains    | 123                 | ["2"]               | false
			contains    | "123"               | [2]                 | false
			starts_with | 123                 | ["1"]               | false
			starts_with | "123"               | [1]                 | false
			ends_with   | 1.5                 | ["5"]               | false
			ends_with   | "1.5"               | [5]                 | false
			contains    | true                | ["true"]            | false
			contains    | "true"              | [true]              | false
			ends_with   | [1, "x1"]           | ["1"]               | true
			ends_with   | [1, 21]             | ["1"]               | false
			""")
	void stringOperatorsHoldForStringsOnly(String op, String attribute, String values, boolean expected) {
		assertThat(holds(op, attribute, values)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "negated {0}")
	@CsvSource(delimiter = '|', textBlock = """
			contains    | "abc" | ["b"] | false
			contains    | "abc" | ["x"] | true
			starts_with | "abc" | ["a"] | false
			ends_with   | "abc" | ["a"] | true
			contains    | 123   | ["2"] | true
			""")
	void stringOperatorsNegated(String op, String attribute, String values, boolean expected) {
		assertThat(holdsNegated(op, attribute, values)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{1} {0} {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			gt  | 12      | [11]        | true
			gt  | 11      | [11]        | false
			gte | 11      | [11]        | true
			gte | 10.99   | [11]        | false
			lt  | 10      | [11]        | true
			lt  | 11      | [11]        | false
			lte | 11      | [11]        | true
			lte | 11.01   | [11]        | false
			gt  | 15      | [20, 10]    | true
			gt  | 5       | [20, 10]    | false
			lt  | 15      | [10, 20]    | true
			lt  | 25      | [10, 20]    | false
			gte | 1e3     | [999.5]     | true
			lt  | -0.5    | [0]         | true
			gt  | 0       | [-0.0]      | false
			gte | 0       | [-0.0]      | true
			gt  | [1, 30] | [20]        | true
			gt  | [1, 3]  | [20]        | false
			""")
	void comparisonsOfNumbers(String op, String attribute, String values, boolean expected) {
		assertThat(holds(op, attribute, values)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is a number")
	@ValueSource(strings = { "11", "11.5", "-11", "0", "-0", "0.5", "1e1", "1E1", "1e+1", "1e-1", "1.5E+1",
			"11.0" })
	void numericStringsInTheJsonGrammarAreNumbers(String number) {
		String quoted = "\"" + number + "\"";
		double value = Double.parseDouble(number);
		assertThat(holds("gte", quoted, "[" + value + "]")).isTrue();
		assertThat(holds("lte", quoted, "[" + value + "]")).isTrue();
		assertThat(holds("gte", "" + value, "[" + quoted + "]")).isTrue();
		assertThat(holds("lte", "" + value, "[" + quoted + "]")).isTrue();
		assertThat(holds("gt", quoted, "[" + (value - 1) + "]")).isTrue();
	}

	@ParameterizedTest(name = "\"{0}\" is not a number")
	@ValueSource(strings = { " 11", "11 ", "+1", "NaN", "Infinity", "-Infinity", "1.", ".5", "01", "-01", "00",
			"1e", "1e+", "0x1A", "1_000", "1,5", "-", "", "one", "\\u0661", "11\\n" })
	void stringsOutsideTheJsonGrammarAreNotNumbers(String text) {
		String quoted = "\"" + text + "\"";
		for (String op : new String[] { "gt", "gte", "lt", "lte" }) {
			assertThat(holds(op, quoted, "[-1e308, 0, 1e308]")).as(op).isFalse();
			assertThat(holds(op, "0", "[" + quoted + "]")).as(op).isFalse();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "gt", "gte", "lt", "lte" })
	void booleansAreNotNumbers(String op) {
		assertThat(holds(op, "true", "[-1e308, 0, 1, 1e308]")).isFalse();
		assertThat(holds(op, "false", "[-1e308, 0, 1, 1e308]")).isFalse();
		assertThat(holds(op, "1", "[true, false]")).isFalse();
		assertThat(holds(op, "1", "[\"true\"]")).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "gt", "gte", "lt", "lte" })
	void valueThatDoesNotFitNeverMatchesButNegationStillInverts(String op) {
		assertThat(holds(op, "\"abc\"", "[1]")).isFalse();
		assertThat(holdsNegated(op, "\"abc\"", "[1]")).isTrue();
		assertThat(holds(op, "5", "[\"abc\"]")).isFalse();
		assertThat(holdsNegated(op, "5", "[\"abc\"]")).isTrue();
	}

}
