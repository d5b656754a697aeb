package dev.flags.core.eval;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that reading a number written as a string without allocating gives exactly what
 * {@code Double.parseDouble} gives, bit for bit.
 */
class NumberParsingTests {

	@Test
	void randomJsonNumbersReadAsParseDoubleReadsThem() {
		SplittableRandom random = new SplittableRandom(5);
		int fast = 0;
		for (int n = 0; n < 300_000; n++) {
			String s = randomJsonNumber(random);
			assertThat(Values.isJsonNumber(s)).as(s).isTrue();
			double expected = Double.parseDouble(s);
			assertThat(Double.doubleToRawLongBits(Values.toDouble(s))).as(s)
				.isEqualTo(Double.doubleToRawLongBits(expected));
			double parsed = Values.fastParse(s);
			if (!Double.isNaN(parsed)) {
				fast++;
				assertThat(Double.doubleToRawLongBits(parsed)).as(s).isEqualTo(Double.doubleToRawLongBits(expected));
			}
		}
		// Every number of up to 15 digits and a small exponent, about two in three here, takes the
		// path that allocates nothing
		assertThat(fast).isGreaterThan(150_000);
	}

	@Test
	void edgesOfTheFastPath() {
		for (String s : List.of("0", "-0", "0.0", "-0.0", "1", "-1", "0.1", "0.3", "2.5e-3", "1E22", "1e23", "1e-22",
				"1e-23", "999999999999999", "9999999999999999", "123456789012345e7", "0.000000000000001",
				"4.35", "1.7976931348623157e308", "4.9e-324", "12345.678901234", "1e0", "1e+2", "1E-0")) {
			assertThat(Double.doubleToRawLongBits(Values.toDouble(s))).as(s)
				.isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
		}
		for (String usual : List.of("42", "-7", "249.5", "1e3", "0.25", "19.99", "100000", "3.14159")) {
			assertThat(Values.fastParse(usual)).as(usual).isEqualTo(Double.parseDouble(usual));
		}
		assertThat(Values.fastParse("1234567890123456")).isNaN();
		assertThat(Values.fastParse("1e23")).isNaN();
	}

	private static String randomJsonNumber(SplittableRandom random) {
		StringBuilder s = new StringBuilder();
		if (random.nextBoolean()) {
			s.append('-');
		}
		int integerDigits = 1 + random.nextInt(random.nextBoolean() ? 3 : 18);
		s.append(random.nextInt(10) == 0 ? '0' : (char) ('1' + random.nextInt(9)));
		if (s.charAt(s.length() - 1) != '0') {
			for (int i = 1; i < integerDigits; i++) {
				s.append((char) ('0' + random.nextInt(10)));
			}
		}
		if (random.nextInt(3) > 0) {
			s.append('.');
			int fraction = 1 + random.nextInt(random.nextBoolean() ? 4 : 20);
			for (int i = 0; i < fraction; i++) {
				s.append((char) ('0' + random.nextInt(10)));
			}
		}
		if (random.nextInt(4) == 0) {
			s.append(random.nextBoolean() ? 'e' : 'E');
			int r = random.nextInt(3);
			if (r == 1) {
				s.append('+');
			}
			else if (r == 2) {
				s.append('-');
			}
			s.append(random.nextInt(random.nextBoolean() ? 30 : 400));
		}
		return s.toString();
	}

}
