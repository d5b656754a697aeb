package dev.flags.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that comparing a version string where it is written ({@link SemanticVersion#compare})
 * answers as parsing it by the grammar and comparing the parsed versions does.
 */
class SemverCompareTests {

	private static final String ALPHABET = "0123456789.-+aZz.-0";

	@Test
	void agreesWithParsingForRandomStringsAndVersions() {
		SplittableRandom random = new SplittableRandom(7);
		List<SemanticVersion> candidates = new ArrayList<>();
		for (String text : List.of("0.0.0", "1.2.3", "1.2.3-alpha", "1.2.3-alpha.1", "1.2.3-0.3.7", "1.2.3-x.7.z.92",
				"10.20.30", "1.0.0-alpha.beta", "1.0.0-rc.1+build.1", "2.0.0-a-b", "1.2.3----RC-SNAPSHOT.12.9.1--.12")) {
			candidates.add(SemanticVersion.parse(text));
		}
		int valid = 0;
		for (int n = 0; n < 200_000; n++) {
			String s = (n % 2 == 0) ? randomString(random) : randomVersion(random);
			SemanticVersion parsed = SemanticVersion.parse(s);
			valid += (parsed != null) ? 1 : 0;
			for (SemanticVersion candidate : candidates) {
				int expected = (parsed != null) ? Integer.signum(parsed.compareTo(candidate)) : SemanticVersion.INVALID;
				assertThat(SemanticVersion.compare(s, candidate)).as("'%s' vs %s", s, candidate).isEqualTo(expected);
			}
		}
		// The random versions exercise the comparison, not only the grammar
		assertThat(valid).isGreaterThan(50_000);
	}

	@Test
	void precedenceOfSemverOrg() {
		List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
				"1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1", "10.0.0");
		for (int i = 0; i < ordered.size(); i++) {
			for (int j = 0; j < ordered.size(); j++) {
				SemanticVersion other = SemanticVersion.parse(ordered.get(j));
				assertThat(SemanticVersion.compare(ordered.get(i), other)).as("%s vs %s", ordered.get(i), ordered.get(j))
					.isEqualTo(Integer.compare(i, j));
			}
		}
		SemanticVersion one = SemanticVersion.parse("1.0.0");
		assertThat(SemanticVersion.compare("1.0.0+build.5", one)).isZero();
		for (String invalid : List.of("", "1", "1.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+", "1.0.0-a..b", "1.0.0 ",
				"v1.0.0", "1.0.0-é", "1.0.0+a+b")) {
			assertThat(SemanticVersion.compare(invalid, one)).as("'%s'", invalid).isEqualTo(SemanticVersion.INVALID);
		}
	}

	private static String randomString(SplittableRandom random) {
		StringBuilder s = new StringBuilder();
		int length = random.nextInt(16);
		for (int i = 0; i < length; i++) {
			s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return s.toString();
	}

	private static String randomVersion(SplittableRandom random) {
		StringBuilder s = new StringBuilder();
		s.append(number(random)).append('.').append(number(random)).append('.').append(number(random));
		if (random.nextBoolean()) {
			s.append('-');
			int identifiers = 1 + random.nextInt(3);
			for (int i = 0; i < identifiers; i++) {
				if (i > 0) {
					s.append('.');
				}
				s.append(random.nextBoolean() ? number(random) : List.of("alpha", "beta", "rc", "x-1", "a", "b").get(random.nextInt(6)));
			}
		}
		if (random.nextInt(4) == 0) {
			s.append("+build.").append(random.nextInt(100));
		}
		return s.toString();
	}

	private static String number(SplittableRandom random) {
		return Integer.toString(random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(12));
	}

}
