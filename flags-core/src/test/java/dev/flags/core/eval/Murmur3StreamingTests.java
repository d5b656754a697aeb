package dev.flags.core.eval;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that hashing {@code prefix + unit + suffix} from a {@link Murmur3.Prefix} equals hashing
 * the whole string, for every split and every alignment the prefix leaves. (A split inside a
 * surrogate pair leaves two lone surrogates, which UTF-8 encodes as {@code '?'} each; salts, units
 * and suffixes are whole strings, so evaluation never does that.)
 */
class Murmur3StreamingTests {

	private static final List<String> INPUTS = List.of("", "a", "new-checkout:user-42:variant",
			"gr1:123", "ünïcødé:用户", "emoji 😀 and more", "mixed-ascii-then-é-then-ascii-again",
			"lone \uD800 high", "lone \uDC00 low", "trailing high \uD83D", "ab\u07FFcd\u0800ef\uFFFFgh");

	@Test
	void streamedHashEqualsHashOfTheWholeString() {
		for (String input : INPUTS) {
			for (int a = 0; a <= input.length(); a++) {
				for (int b = a; b <= input.length(); b++) {
					if (splitsPair(input, a) || splitsPair(input, b)) {
						continue;
					}
					String prefix = input.substring(0, a);
					String unit = input.substring(a, b);
					String suffix = input.substring(b);
					int expected = Murmur3.hash32(input.getBytes(StandardCharsets.UTF_8));
					assertThat(Murmur3.prefix(prefix).hash32(unit, suffix))
						.as("'%s' + '%s' + '%s'", prefix, unit, suffix)
						.isEqualTo(expected);
					if (suffix.isEmpty() || !Character.isLowSurrogate(suffix.charAt(0))) {
						assertThat(Murmur3.prefix(prefix).hash32(unit, Murmur3.suffix(suffix)))
							.as("'%s' + '%s' + prepared '%s'", prefix, unit, suffix)
							.isEqualTo(expected);
					}
				}
			}
		}
	}

	@Test
	void preparedSuffixOfUpToEightBytesAfterEveryAlignment() {
		// 0 to 3 bytes pending after the prefix and the unit, then a packed suffix of 0 to 8 bytes
		String suffixes = ":variant";
		for (int p = 0; p < 8; p++) {
			String prefix = "salt-12".substring(0, p);
			for (int u = 0; u < 8; u++) {
				String unit = "user-42".substring(0, u);
				for (int n = 0; n <= suffixes.length(); n++) {
					String suffix = suffixes.substring(0, n);
					int expected = Murmur3.hash32((prefix + unit + suffix).getBytes(StandardCharsets.UTF_8));
					assertThat(Murmur3.prefix(prefix).hash32(unit, Murmur3.suffix(suffix)))
						.as("'%s' + '%s' + '%s'", prefix, unit, suffix)
						.isEqualTo(expected);
				}
			}
		}
		// Longer or non-ASCII suffixes are hashed as strings
		assertThat(Murmur3.prefix("f:").hash32("u", Murmur3.suffix(":variant-2")))
			.isEqualTo(Murmur3.hash32("f:u:variant-2".getBytes(StandardCharsets.UTF_8)));
		assertThat(Murmur3.prefix("f:").hash32("u", Murmur3.suffix(":é")))
			.isEqualTo(Murmur3.hash32("f:u:é".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void unitAsBytesHashesAsTheWholeString() {
		for (String prefix : List.of("", "f:", "flag:", "new-checkout:", "ünï:")) {
			for (String unit : INPUTS) {
				if (unit.contains("\uD800") || unit.contains("\uDC00") || unit.endsWith("\uD83D")) {
					continue;
				}
				byte[] bytes = unit.getBytes(StandardCharsets.UTF_8);
				for (String suffix : List.of("", ":variant", ":v", ":variant-b", ":é")) {
					int expected = Murmur3.hash32((prefix + unit + suffix).getBytes(StandardCharsets.UTF_8));
					assertThat(Murmur3.prefix(prefix).bucket(bytes, Murmur3.suffix(suffix)))
						.as("'%s' + '%s' + '%s'", prefix, unit, suffix)
						.isEqualTo(Integer.remainderUnsigned(expected, Murmur3.BUCKETS));
				}
				assertThat(Murmur3.prefix(prefix).bucket(bytes))
					.isEqualTo(Murmur3.bucket(prefix + unit));
			}
		}
	}

	@Test
	void numberUnitHashesAsItsPlainDecimal() {
		java.util.SplittableRandom random = new java.util.SplittableRandom(3);
		List<Long> units = new java.util.ArrayList<>(List.of(0L, 1L, -1L, 9L, 10L, -10L, 99L, 100L, 1000L,
				9_007_199_254_740_991L, -9_007_199_254_740_991L, Long.MAX_VALUE, Long.MIN_VALUE));
		for (int i = 0; i < 10_000; i++) {
			units.add(random.nextLong() >> random.nextInt(64));
		}
		for (String prefix : List.of("", "f:", "org-rollout:", "abc:")) {
			for (long unit : units) {
				String decimal = Long.toString(unit);
				assertThat(Murmur3.prefix(prefix).bucket(unit, null)).as("%s%d", prefix, unit)
					.isEqualTo(Murmur3.bucket(prefix + decimal));
				assertThat(Murmur3.prefix(prefix).bucket(unit, Murmur3.suffix(":variant")))
					.isEqualTo(Murmur3.bucket(prefix + decimal + ":variant"));
			}
		}
	}

	@Test
	void suffixStartingWithALowSurrogateIsRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> Murmur3.suffix("\uDC00x"))
			.withMessageContaining("low surrogate");
	}

	private static boolean splitsPair(String s, int index) {
		return index > 0 && index < s.length() && Character.isHighSurrogate(s.charAt(index - 1))
				&& Character.isLowSurrogate(s.charAt(index));
	}

	@Test
	void bucketOfPrefixAndUnitIsTheSpecBucket() {
		assertThat(Murmur3.prefix("gr1:").bucket("123") % 100).isEqualTo(72);
		assertThat(Murmur3.prefix("").bucket("hello")).isEqualTo((int) (613153351L % Murmur3.BUCKETS));
	}

}
