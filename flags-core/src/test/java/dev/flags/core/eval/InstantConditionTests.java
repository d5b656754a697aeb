package dev.flags.core.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.flags.core.eval.ConditionCheck.holds;
import static dev.flags.core.eval.ConditionCheck.holdsNegated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code before} and {@code after} (spec §5) and the instants of §5.1.
 */
class InstantConditionTests {

	@ParameterizedTest(name = "{0} before {1}: {2}, after: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			"2024-12-31"                           | ["2025-01-01"]                      | true  | false
			"2025-01-01"                           | ["2025-01-01"]                      | false | false
			"2025-01-01"                           | ["2025-01-01T00:00:00Z"]            | false | false
			"2025-01-01T00:00:00.000000001Z"       | ["2025-01-01"]                      | false | true
			"2024-12-31T23:59:59.999999999Z"       | ["2025-01-01"]                      | true  | false
			"2025-01-01T00:00:00.1Z"               | ["2025-01-01T00:00:00.10Z"]         | false | false
			"2025-01-01T00:00:00.12Z"              | ["2025-01-01T00:00:00.120000000Z"]  | false | false
			"2025-01-01T00:00:00.123Z"             | ["2025-01-01T00:00:00.1234Z"]       | true  | false
			"2025-01-01T00:00:00.12345Z"           | ["2025-01-01T00:00:00.123456Z"]     | true  | false
			"2025-01-01T00:00:00.1234567Z"         | ["2025-01-01T00:00:00.12345678Z"]   | true  | false
			"2025-01-01T01:00:00+01:00"            | ["2025-01-01T00:00:00Z"]            | false | false
			"2025-01-01T00:00:00-00:30"            | ["2025-01-01T00:29:59Z"]            | false | true
			"2025-01-01T18:00:00+18:00"            | ["2025-01-01"]                      | false | false
			"2024-12-31T06:00:00-18:00"            | ["2025-01-01"]                      | false | false
			"2025-01-01T00:00:00+17:59"            | ["2024-12-31T06:01:00Z"]            | false | false
			1735689600000                          | ["2025-01-01"]                      | false | false
			1735689600001                          | ["2025-01-01"]                      | false | true
			"2025-01-01"                           | [1735689600001]                     | true  | false
			-1                                     | ["1970-01-01"]                      | true  | false
			1.7356896E12                           | ["2025-01-01"]                      | false | false
			"2025-06-01"                           | ["2025-01-01", "2026-01-01"]        | true  | true
			"2027-01-01"                           | ["2025-01-01", "2026-01-01"]        | false | true
			["2020-01-01", "2030-01-01"]           | ["2025-01-01"]                      | true  | true
			"2024-02-29"                           | ["2024-03-01"]                      | true  | false
			""")
	void instantsCompareStrictlyToTheNanosecond(String attribute, String values, boolean before, boolean after) {
		assertThat(holds("before", attribute, values)).as("before").isEqualTo(before);
		assertThat(holds("after", attribute, values)).as("after").isEqualTo(after);
	}

	@ParameterizedTest(name = "\"{0}\" is not an instant")
	@ValueSource(strings = { "2025-02-30", "2023-02-29", "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-01",
			"25-01-01", "20250101", "1735689600000", "2025-01-01T24:00:00Z", "2025-01-01T23:59:60Z",
			"2025-01-01T23:60:00Z", "2025-01-01t00:00:00Z", "2025-01-01T00:00:00z", "2025-01-01T00:00Z",
			"2025-01-01T00:00:00", "2025-01-01T00:00:00+18:01", "2025-01-01T00:00:00-18:01",
			"2025-01-01T00:00:00+01:60", "2025-01-01T00:00:00+0100", "2025-01-01T00:00:00+01",
			"2025-01-01T00:00:00.1234567890Z", "2025-01-01T00:00:00.Z", "2025-01-01 00:00:00Z",
			"2025-01-01T0:00:00Z", " 2025-01-01", "2025-01-01 ", "2025-01-01Z", "2025-01-01T00:00:00ZZ",
			"2025-01-01T00:00:00UTC", "+2025-01-01", "２０２５-01-01", "" })
	void rejectedFormsAreNotInstants(String text) {
		String quoted = "\"" + text + "\"";
		String wide = "[\"0001-01-01\", \"9999-12-31\"]";
		assertThat(holds("before", quoted, wide)).isFalse();
		assertThat(holds("after", quoted, wide)).isFalse();
		assertThat(holds("before", "\"2025-01-01\"", "[" + quoted + "]")).isFalse();
		assertThat(holds("after", "\"2025-01-01\"", "[" + quoted + "]")).isFalse();
	}

	@ParameterizedTest(name = "{0} is not an instant")
	@ValueSource(strings = { "1735689600000.5", "true", "false" })
	void fractionalNumbersAndBooleansAreNotInstants(String json) {
		String wide = "[\"0001-01-01\", \"9999-12-31\"]";
		assertThat(holds("before", json, wide)).isFalse();
		assertThat(holds("after", json, wide)).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "before", "after" })
	void negationInvertsForPresentAttributes(String op) {
		assertThat(holdsNegated(op, "\"2025-01-01\"", "[\"2025-01-01\"]")).isTrue();
		assertThat(holdsNegated(op, "\"not a date\"", "[\"2025-01-01\"]")).isTrue();
	}

}
