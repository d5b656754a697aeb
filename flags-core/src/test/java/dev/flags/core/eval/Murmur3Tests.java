package dev.flags.core.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Murmur3}: the check values of spec §3, and the streaming {@link Murmur3.Prefix}
 * against the plain hash of the joined string's UTF-8 bytes.
 */
class Murmur3Tests {

	/** Characters of every UTF-8 length, surrogate pairs and lone surrogates. */
	private static final String[] PIECES = { "a", "Z", "0", ":", " ", "\u007f", "\u0080", "é", "\u07ff", "\u0800",
			"€", "中", "\uffff", "😀", "\ud800\udc00", "\udbff\udfff", "\ud83d", "\ude00", "\udbff", "\udc00" };

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource(delimiter = '|', textBlock = """
			hello                                       | 613153351
			''                                          | 0
			The quick brown fox jumps over the lazy dog | 776992547
			é                                           | 269551495
			€                                           | 1531182245
			😀                                          | 3199479546
			""")
	void knownHashes(String input, long hash) {
		assertThat(Murmur3.hash(input)).isEqualTo(hash);
		assertThat(Murmur3.bucket(input)).isEqualTo((int) (hash % 100_000));
		assertThat(Integer.toUnsignedLong(Murmur3.hash32(input.getBytes(StandardCharsets.UTF_8)))).isEqualTo(hash);
	}

	@Test
	void specCheckValues() {
		assertThat(Murmur3.hash("hello")).isEqualTo(613153351L);
		assertThat(Murmur3.hash("gr1:123") % 100).isEqualTo(72);
		assertThat(Murmur3.bucket("gr1:123") % 100).isEqualTo(72);
	}

	@Test
	void hashIsUnsignedAndBucketInRange() {
		Random random = new Random(7);
		long smallest = Long.MAX_VALUE;
		long largest = Long.MIN_VALUE;
		int wrongBuckets = 0;
		for (int i = 0; i < 10_000; i++) {
			String s = randomString(random, 12);
			long hash = Murmur3.hash(s);
			smallest = Math.min(smallest, hash);
			largest = Math.max(largest, hash);
			wrongBuckets += (Murmur3.bucket(s) != hash % Murmur3.BUCKETS) ? 1 : 0;
		}
		assertThat(smallest).isNotNegative();
		assertThat(largest).isGreaterThan(Integer.MAX_VALUE).isLessThanOrEqualTo(0xffffffffL);
		assertThat(wrongBuckets).isZero();
	}

	@Test
	void streamingEqualsHashOfTheJoinedString() {
		Random random = new Random(42);
		List<String> mismatches = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			String prefix = randomString(random, 9);
			String unit = randomString(random, 9);
			String suffix = switch (i % 3) {
				case 0 -> "";
				case 1 -> ":variant";
				default -> randomString(random, 5);
			};
			String mismatch = mismatch(prefix, unit, suffix);
			if (mismatch != null) {
				mismatches.add(mismatch);
			}
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void streamingCoversEveryPrefixLengthModFour() {
		Random random = new Random(3);
		List<String> mismatches = new ArrayList<>();
		for (int length = 0; length < 16; length++) {
			String prefix = "p".repeat(length);
			for (int i = 0; i < 500; i++) {
				mismatches.add(mismatch(prefix, randomString(random, 10), (i % 2 == 0) ? "" : ":variant"));
				mismatches.add(mismatch(prefix + "é", randomString(random, 10), ":variant"));
			}
		}
		assertThat(mismatches).containsOnlyNulls();
	}

	@Test
	void streamingJoinsSurrogatePairsSplitAcrossTheParts() {
		String high = "\ud83d";
		String low = "\ude00";
		assertStreamed("salt:" + high, low + "unit", "");
		assertStreamed("salt:" + high, "", low);
		assertStreamed("salt:" + high, "", low + ":variant");
		assertStreamed("salt:", "unit" + high, low);
		assertStreamed("salt:", high, low);
		assertStreamed(high, low, "");
		assertStreamed("salt:" + high, high, low);
		assertStreamed("salt:" + high, "x", low);
		assertStreamed("salt:" + low, high, "");
	}

	@Test
	void prefixBucketsAgreeWithPlainBuckets() {
		Random random = new Random(11);
		int disagreements = 0;
		for (int i = 0; i < 2_000; i++) {
			String salt = randomString(random, 8) + ":";
			String unit = randomString(random, 8);
			Murmur3.Prefix prefix = Murmur3.prefix(salt);
			disagreements += (prefix.bucket(unit) != Murmur3.bucket(salt + unit)) ? 1 : 0;
			disagreements += (prefix.bucket(unit, ":variant") != Murmur3.bucket(salt + unit + ":variant")) ? 1 : 0;
		}
		assertThat(disagreements).isZero();
	}

	private static void assertStreamed(String prefix, String unit, String suffix) {
		assertThat(mismatch(prefix, unit, suffix)).isNull();
	}

	/** Describes how the streamed hash differs from the plain one, or null when they agree. */
	private static @Nullable String mismatch(String prefix, String unit, String suffix) {
		int expected = Murmur3.hash32((prefix + unit + suffix).getBytes(StandardCharsets.UTF_8));
		int streamed = Murmur3.prefix(prefix).hash32(unit, suffix);
		if (streamed == expected) {
			return null;
		}
		return "prefix " + escape(prefix) + ", unit " + escape(unit) + ", suffix " + escape(suffix) + ": " + streamed
				+ " instead of " + expected;
	}

	private static String randomString(Random random, int maxPieces) {
		StringBuilder builder = new StringBuilder();
		int pieces = random.nextInt(maxPieces + 1);
		for (int i = 0; i < pieces; i++) {
			if (random.nextInt(3) == 0) {
				builder.append(PIECES[random.nextInt(PIECES.length)]);
			}
			else {
				builder.appendCodePoint(randomCodePoint(random));
			}
		}
		return builder.toString();
	}

	private static int randomCodePoint(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> 0x20 + random.nextInt(0x5f);
			case 1 -> 0x80 + random.nextInt(0x780);
			case 2 -> 0x800 + random.nextInt(0xf800);
			case 3 -> 0x10000 + random.nextInt(0x100000);
			default -> random.nextInt(0x80);
		};
	}

	private static String escape(String s) {
		StringBuilder builder = new StringBuilder("\"");
		s.chars().forEach((c) -> builder.append((c >= 0x20 && c < 0x7f) ? Character.toString(c) : String.format("\\u%04x", c)));
		return builder.append('"').toString();
	}

}
