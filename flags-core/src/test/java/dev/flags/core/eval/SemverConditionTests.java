package dev.flags.core.eval;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.flags.core.eval.ConditionCheck.holds;
import static dev.flags.core.eval.ConditionCheck.holdsNegated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code semver_eq}, {@code semver_gt} and {@code semver_lt} (spec §5) and the versions
 * of §5.1: SemVer 2.0.0's grammar, exactly, and its precedence.
 */
class SemverConditionTests {

	/** Ascending precedence, from semver.org §11. */
	private static final List<String> ASCENDING = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
			"1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.9.0", "1.10.0",
			"1.11.0", "2.0.0", "2.1.0", "2.1.1");

	@Test
	void precedenceFollowsSemverOrg() {
		for (int i = 0; i < ASCENDING.size(); i++) {
			for (int j = 0; j < ASCENDING.size(); j++) {
				String a = quote(ASCENDING.get(i));
				String b = "[" + quote(ASCENDING.get(j)) + "]";
				String pair = ASCENDING.get(i) + " vs " + ASCENDING.get(j);
				assertThat(holds("semver_lt", a, b)).as(pair).isEqualTo(i < j);
				assertThat(holds("semver_gt", a, b)).as(pair).isEqualTo(i > j);
				assertThat(holds("semver_eq", a, b)).as(pair).isEqualTo(i == j);
			}
		}
	}

	@ParameterizedTest(name = "{0} vs {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			1.0.0+build.1                        | 1.0.0+build.2                 | 0
			1.0.0-alpha+001                      | 1.0.0-alpha                   | 0
			1.0.0+20130313144700                 | 1.0.0                         | 0
			1.0.0-beta+exp.sha.5114f85           | 1.0.0-beta                    | 0
			1.0.0-1                              | 1.0.0-a                       | -1
			1.0.0-2                              | 1.0.0-10                      | -1
			1.0.0-a10                            | 1.0.0-a9                      | -1
			1.0.0-B                              | 1.0.0-a                       | -1
			1.0.0-alpha-1                        | 1.0.0-alpha                   | 1
			1.0.0-0.3.7                          | 1.0.0-x.7.z.92                | -1
			1.0.0-x-y-z.--                       | 1.0.0-x-y-z                   | 1
			99999999999999999999.0.0             | 9999999999999999999.0.0       | 1
			1.99999999999999999999999.0          | 1.99999999999999999999998.0   | 1
			1.0.99999999999999999999             | 1.0.100000000000000000000     | -1
			1.0.0-99999999999999999999           | 1.0.0-100000000000000000000   | -1
			1.0.0-99999999999999999999           | 1.0.0-9                       | 1
			""")
	void precedenceDetails(String a, String b, int expected) {
		assertThat(holds("semver_eq", quote(a), "[" + quote(b) + "]")).isEqualTo(expected == 0);
		assertThat(holds("semver_gt", quote(a), "[" + quote(b) + "]")).isEqualTo(expected > 0);
		assertThat(holds("semver_lt", quote(a), "[" + quote(b) + "]")).isEqualTo(expected < 0);
		assertThat(holds("semver_eq", quote(b), "[" + quote(a) + "]")).isEqualTo(expected == 0);
		assertThat(holds("semver_gt", quote(b), "[" + quote(a) + "]")).isEqualTo(expected < 0);
		assertThat(holds("semver_lt", quote(b), "[" + quote(a) + "]")).isEqualTo(expected > 0);
	}

	@ParameterizedTest(name = "\"{0}\" is not a version")
	@ValueSource(strings = { "v1.0.0", "1.0", "1", "1.0.0.0", "01.0.0", "1.01.0", "1.0.01", "1.0.0-", "1.0.0-01",
			"1.0.0-alpha..1", "1.0.0-alpha.", "1.0.0+", "1.0.0+build..1", "1.0.0-alpha_beta", " 1.0.0", "1.0.0 ",
			"1.0.0\\n", "1.0.0-é", "１.0.0", "-1.0.0", "1.0.0+build+2", "" })
	void grammarRejects(String text) {
		String quoted = quote(text);
		for (String op : new String[] { "semver_eq", "semver_gt", "semver_lt" }) {
			assertThat(holds(op, quoted, "[\"0.0.0-0\", \"1.0.0\", \"99999.0.0\"]")).as(op).isFalse();
			assertThat(holds(op, "\"1.0.0\"", "[" + quoted + "]")).as(op).isFalse();
		}
	}

	@Test
	void numbersAreNotVersions() {
		assertThat(holds("semver_eq", "1", "[\"1.0.0\"]")).isFalse();
		assertThat(holds("semver_gt", "2", "[\"1.0.0\"]")).isFalse();
		assertThat(holds("semver_lt", "\"1.0.0\"", "[2]")).isFalse();
	}

	@Test
	void anyOfTheValuesAndAnyElement() {
		assertThat(holds("semver_eq", "\"2.0.0\"", "[\"1.0.0\", \"2.0.0+b\"]")).isTrue();
		assertThat(holds("semver_gt", "[\"0.1.0\", \"3.0.0\"]", "[\"2.0.0\"]")).isTrue();
		assertThat(holds("semver_lt", "[\"2.0.0\", \"3.0.0\"]", "[\"1.0.0\"]")).isFalse();
	}

	@Test
	void negationInvertsForPresentAttributes() {
		assertThat(holdsNegated("semver_eq", "\"1.0.0\"", "[\"1.0.0+x\"]")).isFalse();
		assertThat(holdsNegated("semver_gt", "\"1.0.0\"", "[\"1.0.0\"]")).isTrue();
		assertThat(holdsNegated("semver_lt", "\"v1\"", "[\"1.0.0\"]")).isTrue();
	}

	private static String quote(String text) {
		return "\"" + text + "\"";
	}

}
