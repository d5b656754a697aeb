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
				}
			}
		}
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
