package dev.flags.core.eval;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * MurmurHash3 x86 32-bit, seed 0, over the UTF-8 bytes of a string, and the bucket of spec §3.
 * <p>
 * Besides hashing whole strings, it hashes {@code prefix + unit + suffix} without building that
 * string: the prefix (the flag's salt and {@code ':'}) is hashed once into a {@link Prefix}, and each
 * evaluation feeds only the unit's characters, encoded to UTF-8 on the fly.
 */
public final class Murmur3 {

	/** The number of buckets: one bucket is 0.001 %. */
	public static final int BUCKETS = 100_000;

	/** Reads four bytes of an array as one little-endian int, as one load. */
	private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final int C1 = 0xcc9e2d51;

	private static final int C2 = 0x1b873593;

	private Murmur3() {
	}

	/**
	 * The hash of a string's UTF-8 bytes.
	 * @param s the string
	 * @return the hash as an unsigned 32-bit value
	 */
	public static long hash(String s) {
		return Integer.toUnsignedLong(hash32(s.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The bucket of a string: its hash mod 100 000.
	 * @param s the string
	 * @return a number in 0..99 999
	 */
	public static int bucket(String s) {
		return Integer.remainderUnsigned(hash32(s.getBytes(StandardCharsets.UTF_8)), BUCKETS);
	}

	/**
	 * The hash of bytes, as a signed int holding the unsigned 32 bits.
	 * @param data the bytes
	 * @return the hash bits
	 */
	public static int hash32(byte[] data) {
		int h1 = 0;
		int blocks = data.length >>> 2;
		for (int i = 0; i < blocks; i++) {
			int off = i << 2;
			int k1 = (data[off] & 0xff) | (data[off + 1] & 0xff) << 8 | (data[off + 2] & 0xff) << 16
					| (data[off + 3] & 0xff) << 24;
			h1 = mixH1(h1, mixK1(k1));
		}
		int tail = blocks << 2;
		int k1 = 0;
		switch (data.length & 3) {
			case 3:
				k1 ^= (data[tail + 2] & 0xff) << 16;
				// fall through
			case 2:
				k1 ^= (data[tail + 1] & 0xff) << 8;
				// fall through
			case 1:
				k1 ^= data[tail] & 0xff;
				h1 ^= mixK1(k1);
				break;
			default:
				break;
		}
		return fmix(h1 ^ data.length);
	}

	/**
	 * The prefix state of a string, to hash {@code prefix + unit + suffix} without allocating.
	 * @param prefix the prefix, e.g. {@code "new-checkout:"}
	 * @return the precomputed state
	 */
	public static Prefix prefix(String prefix) {
		byte[] bytes = prefix.getBytes(StandardCharsets.UTF_8);
		int h1 = 0;
		int blocks = bytes.length >>> 2;
		for (int i = 0; i < blocks; i++) {
			int off = i << 2;
			int k1 = (bytes[off] & 0xff) | (bytes[off + 1] & 0xff) << 8 | (bytes[off + 2] & 0xff) << 16
					| (bytes[off + 3] & 0xff) << 24;
			h1 = mixH1(h1, mixK1(k1));
		}
		int pending = 0;
		int count = bytes.length & 3;
		for (int i = 0; i < count; i++) {
			pending |= (bytes[(blocks << 2) + i] & 0xff) << (i << 3);
		}
		return new Prefix(prefix, h1, pending, count, bytes.length);
	}

	/**
	 * A suffix prepared for hashing after a unit: its UTF-8 bytes, and up to 8 ASCII characters
	 * packed into one long, so that feeding them costs at most two block mixes and no loop.
	 * @param suffix the suffix, e.g. {@code ":variant"}
	 * @return the prepared suffix
	 * @throws IllegalArgumentException when the suffix starts with a low surrogate
	 */
	public static Suffix suffix(String suffix) {
		return new Suffix(suffix);
	}

	static int mixK1(int k1) {
		k1 *= C1;
		k1 = Integer.rotateLeft(k1, 15);
		return k1 * C2;
	}

	static int mixH1(int h1, int k1) {
		h1 ^= k1;
		h1 = Integer.rotateLeft(h1, 13);
		return h1 * 5 + 0xe6546b64;
	}

	static int fmix(int h) {
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return h;
	}

	/**
	 * The hash state after a prefix: whole 4-byte blocks mixed, 0 to 3 bytes pending.
	 */
	public static final class Prefix {

		/** The pending bytes of a packed state. */
		private static final long PENDING = 0xffffffL;

		/** The number of pending bytes of a packed state, times 2^24. */
		private static final long PENDING_COUNT = 3L << 24;

		/** No packed state: bit 31 is never set in one. */
		private static final long NOT_ASCII = 1L << 31;

		private final String text;

		private final long state;

		private final int length;

		Prefix(String text, int h1, int pending, int pendingCount, int length) {
			this.text = text;
			this.state = ((long) h1 << 32) | ((long) pendingCount << 24) | (pending & PENDING);
			this.length = length;
		}

		/**
		 * The bucket of {@code prefix + unit}.
		 * @param unit the unit
		 * @return a number in 0..99 999
		 */
		public int bucket(String unit) {
			return Integer.remainderUnsigned(hash32(unit, ""), BUCKETS);
		}

		/**
		 * The bucket of {@code prefix + unit + suffix}.
		 * @param unit the unit
		 * @param suffix the suffix, e.g. {@code ":variant"}
		 * @return a number in 0..99 999
		 */
		public int bucket(String unit, String suffix) {
			return Integer.remainderUnsigned(hash32(unit, suffix), BUCKETS);
		}

		/**
		 * The bucket of {@code prefix + unit}, for a unit already encoded to UTF-8.
		 * @param unit the UTF-8 bytes of the unit
		 * @return a number in 0..99 999
		 */
		public int bucket(byte[] unit) {
			long state = feedBytes(this.state, unit);
			return Integer.remainderUnsigned(finish(state, this.length + unit.length), BUCKETS);
		}

		/**
		 * The bucket of {@code prefix + unit + suffix}, for a unit already encoded to UTF-8.
		 * @param unit the UTF-8 bytes of the unit
		 * @param suffix the suffix
		 * @return a number in 0..99 999
		 */
		public int bucket(byte[] unit, Suffix suffix) {
			long state = feedBytes(this.state, unit);
			byte[] utf8 = suffix.utf8;
			state = suffix.packed ? feedPacked(state, suffix.bytes, utf8.length) : feedBytes(state, utf8);
			return Integer.remainderUnsigned(finish(state, this.length + unit.length + utf8.length), BUCKETS);
		}

		/**
		 * The bucket of {@code prefix + unit + suffix} for a unit that is the plain decimal of a
		 * number (as a numeric {@code bucketBy} attribute's string form), without writing it out.
		 * @param unit the number
		 * @param suffix the suffix, or null for none
		 * @return a number in 0..99 999
		 */
		public int bucket(long unit, @Nullable Suffix suffix) {
			long state = this.state;
			int length = this.length;
			long magnitude = unit;
			if (unit < 0) {
				state = feedByte(state, '-');
				length++;
				// Long.MIN_VALUE has no positive counterpart: its digits are those of its unsigned value
				magnitude = -unit;
			}
			long power = 1;
			int digits = 1;
			while (digits < 19 && Long.compareUnsigned(magnitude, power * 10) >= 0) {
				power *= 10;
				digits++;
			}
			for (; digits > 0; digits--) {
				long digit = Long.divideUnsigned(magnitude, power);
				state = feedByte(state, (int) ('0' + digit));
				magnitude -= digit * power;
				power /= 10;
				length++;
			}
			if (suffix != null) {
				byte[] utf8 = suffix.utf8;
				state = suffix.packed ? feedPacked(state, suffix.bytes, utf8.length) : feedBytes(state, utf8);
				length += utf8.length;
			}
			return Integer.remainderUnsigned(finish(state, length), BUCKETS);
		}

		private static long feedByte(long state, int b) {
			int h1 = (int) (state >>> 32);
			int bits = (int) ((state & PENDING_COUNT) >>> 21);
			long pending = (state & PENDING) | ((long) (b & 0xff) << bits);
			bits += 8;
			if (bits == 32) {
				h1 = mixH1(h1, mixK1((int) pending));
				pending = 0;
				bits = 0;
			}
			return ((long) h1 << 32) | ((long) bits << 21) | pending;
		}

		/** The hash of a packed state after all bytes, {@code length} of them in all. */
		private static int finish(long state, int length) {
			int h1 = (int) (state >>> 32);
			if ((state & PENDING_COUNT) != 0) {
				h1 ^= mixK1((int) (state & PENDING));
			}
			return fmix(h1 ^ length);
		}

		/** Feeds bytes into a packed state, four at a time read as one int. */
		private static long feedBytes(long state, byte[] bytes) {
			int h1 = (int) (state >>> 32);
			int bits = (int) ((state & PENDING_COUNT) >>> 21);
			long pending = state & PENDING;
			int size = bytes.length;
			int i = 0;
			for (; i + 4 <= size; i += 4) {
				pending |= ((int) INT_LE.get(bytes, i) & 0xffffffffL) << bits;
				h1 = mixH1(h1, mixK1((int) pending));
				pending >>>= 32;
			}
			for (; i < size; i++) {
				pending |= (bytes[i] & 0xffL) << bits;
				bits += 8;
				if (bits == 32) {
					h1 = mixH1(h1, mixK1((int) pending));
					pending = 0;
					bits = 0;
				}
			}
			return ((long) h1 << 32) | ((long) bits << 21) | pending;
		}

		/**
		 * The bucket of {@code prefix + unit + suffix}, for a prepared suffix.
		 * @param unit the unit
		 * @param suffix the suffix
		 * @return a number in 0..99 999
		 */
		public int bucket(String unit, Suffix suffix) {
			return Integer.remainderUnsigned(hash32(unit, suffix), BUCKETS);
		}

		/**
		 * The hash of {@code prefix + unit + suffix}, for a prepared suffix.
		 * @param unit the unit
		 * @param suffix the suffix
		 * @return the hash bits
		 */
		public int hash32(String unit, Suffix suffix) {
			if (!suffix.packed) {
				return hash32(unit, suffix.text);
			}
			long state = feedAscii(this.state, unit);
			if (state == NOT_ASCII) {
				return hash32Utf8(unit, suffix.text);
			}
			state = feedPacked(state, suffix.bytes, suffix.text.length());
			int h1 = (int) (state >>> 32);
			if ((state & PENDING_COUNT) != 0) {
				h1 ^= mixK1((int) (state & PENDING));
			}
			return fmix(h1 ^ (this.length + unit.length() + suffix.text.length()));
		}

		/**
		 * Feeds up to 8 bytes packed in a long, the first in the lowest bits, into a packed state:
		 * with the 0 to 3 pending bytes they make at most 11 bytes, so at most two whole blocks.
		 */
		private static long feedPacked(long state, long bytes, int count) {
			int h1 = (int) (state >>> 32);
			int bits = (int) ((state & PENDING_COUNT) >>> 21);
			long pending = state & PENDING;
			long low = pending | (bytes << bits);
			long high = (bits == 0) ? 0 : (bytes >>> (64 - bits));
			int total = bits + (count << 3);
			if (total >= 32) {
				h1 = mixH1(h1, mixK1((int) low));
				low = (low >>> 32) | (high << 32);
				total -= 32;
				if (total >= 32) {
					h1 = mixH1(h1, mixK1((int) low));
					low >>>= 32;
					total -= 32;
				}
			}
			return ((long) h1 << 32) | ((long) total << 21) | low;
		}

		/**
		 * The hash of {@code prefix + unit + suffix}, allocating nothing unless a surrogate pair is
		 * split between the parts.
		 * @param unit the unit
		 * @param suffix the suffix
		 * @return the hash bits
		 */
		public int hash32(String unit, String suffix) {
			long state = feedAscii(this.state, unit);
			if (state != NOT_ASCII) {
				state = feedAscii(state, suffix);
			}
			if (state == NOT_ASCII) {
				return hash32Utf8(unit, suffix);
			}
			int h1 = (int) (state >>> 32);
			if ((state & PENDING_COUNT) != 0) {
				h1 ^= mixK1((int) (state & PENDING));
			}
			return fmix(h1 ^ (this.length + unit.length() + suffix.length()));
		}

		/**
		 * Feeds the characters of an ASCII string, four to a block, into a packed state: the hash
		 * in the high 32 bits, the number of pending bytes in bits 24 and 25, the pending bytes
		 * below them.
		 * @return the state after the string, or {@link #NOT_ASCII} if a character is not ASCII
		 */
		private static long feedAscii(long state, String s) {
			int h1 = (int) (state >>> 32);
			int bits = (int) ((state & PENDING_COUNT) >>> 21);
			long pending = state & PENDING;
			int size = s.length();
			int i = 0;
			for (; i + 4 <= size; i += 4) {
				int c0 = s.charAt(i);
				int c1 = s.charAt(i + 1);
				int c2 = s.charAt(i + 2);
				int c3 = s.charAt(i + 3);
				if ((c0 | c1 | c2 | c3) >= 0x80) {
					return NOT_ASCII;
				}
				pending |= ((c0 | c1 << 8 | c2 << 16 | c3 << 24) & 0xffffffffL) << bits;
				h1 = mixH1(h1, mixK1((int) pending));
				pending >>>= 32;
			}
			for (; i < size; i++) {
				int c = s.charAt(i);
				if (c >= 0x80) {
					return NOT_ASCII;
				}
				pending |= (long) c << bits;
				bits += 8;
				if (bits == 32) {
					h1 = mixH1(h1, mixK1((int) pending));
					pending = 0;
					bits = 0;
				}
			}
			return ((long) h1 << 32) | ((long) bits << 21) | pending;
		}

		/**
		 * The hash of {@code prefix + unit + suffix} for any characters, encoding each code point to
		 * UTF-8 and collecting bytes in a 64-bit accumulator that holds the 0 to 3 bytes pending.
		 */
		private int hash32Utf8(String unit, String suffix) {
			int h1 = (int) (this.state >>> 32);
			long pending = this.state & PENDING;
			int bits = (int) ((this.state & PENDING_COUNT) >>> 21);
			int length = this.length;
			for (int part = 0; part < 2; part++) {
				String s = (part == 0) ? unit : suffix;
				int size = s.length();
				int i = 0;
				if (size > 0 && Character.isLowSurrogate(s.charAt(0)) && endsWithHighSurrogate(part, unit)) {
					// A pair split between two parts is one character of the joined string.
					return Murmur3.hash32((this.text + unit + suffix).getBytes(StandardCharsets.UTF_8));
				}
				while (i < size) {
					int code = codePointAt(s, i);
					i += (code >= 0x10000) ? 2 : 1;
					int count = utf8Length(code);
					pending |= (utf8(code) & 0xffffffffL) << bits;
					bits += count << 3;
					length += count;
					if (bits >= 32) {
						h1 = mixH1(h1, mixK1((int) pending));
						pending >>>= 32;
						bits -= 32;
					}
				}
			}
			if (bits > 0) {
				h1 ^= mixK1((int) pending);
			}
			return fmix(h1 ^ length);
		}

		/** Whether what comes before the given part (unit: 0, suffix: 1) ends with a high surrogate. */
		private boolean endsWithHighSurrogate(int part, String unit) {
			String before = (part == 1 && !unit.isEmpty()) ? unit : this.text;
			return !before.isEmpty() && Character.isHighSurrogate(before.charAt(before.length() - 1));
		}

		/** The code point at an index; a lone surrogate is {@code '?'}, as {@code getBytes(UTF_8)} has it. */
		private static int codePointAt(String s, int i) {
			char c = s.charAt(i);
			if (!Character.isSurrogate(c)) {
				return c;
			}
			if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
				return Character.toCodePoint(c, s.charAt(i + 1));
			}
			return '?';
		}

		private static int utf8Length(int code) {
			return (code < 0x80) ? 1 : (code < 0x800) ? 2 : (code < 0x10000) ? 3 : 4;
		}

		/** The UTF-8 bytes of a code point, the first in the lowest 8 bits. */
		private static int utf8(int code) {
			if (code < 0x80) {
				return code;
			}
			if (code < 0x800) {
				return (0xc0 | (code >>> 6)) | (0x80 | (code & 0x3f)) << 8;
			}
			if (code < 0x10000) {
				return (0xe0 | (code >>> 12)) | (0x80 | ((code >>> 6) & 0x3f)) << 8 | (0x80 | (code & 0x3f)) << 16;
			}
			return (0xf0 | (code >>> 18)) | (0x80 | ((code >>> 12) & 0x3f)) << 8 | (0x80 | ((code >>> 6) & 0x3f)) << 16
					| (0x80 | (code & 0x3f)) << 24;
		}

	}

	/**
	 * A suffix prepared by {@link Murmur3#suffix}.
	 */
	public static final class Suffix {

		private final String text;

		private final byte[] utf8;

		/**
		 * Whether the suffix is at most 8 bytes held in {@link #bytes}, and ASCII, so that it can
		 * follow a unit fed as characters as well as one fed as bytes.
		 */
		private final boolean packed;

		private final long bytes;

		Suffix(String text) {
			if (!text.isEmpty() && Character.isLowSurrogate(text.charAt(0))) {
				// It could pair with a unit's last character, which hashing the parts apart cannot see
				throw new IllegalArgumentException("A suffix cannot start with a low surrogate");
			}
			this.text = text;
			this.utf8 = text.getBytes(StandardCharsets.UTF_8);
			boolean packed = this.utf8.length <= 8;
			long bytes = 0;
			for (int i = 0; packed && i < this.utf8.length; i++) {
				if (this.utf8[i] < 0) {
					packed = false;
				}
				bytes |= (this.utf8[i] & 0xffL) << (i << 3);
			}
			this.packed = packed;
			this.bytes = packed ? bytes : 0;
		}

	}

}
