package dev.flags.core.eval;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An immutable set of strings for the evaluator's membership tests: an open-addressing table
 * with each string's hash beside it, so that a lookup reads two arrays instead of following a
 * {@code HashMap}'s nodes. The strings are interned, so that a constant, an enum name or any
 * other interned string is found by identity without comparing characters.
 */
final class StringSet {

	private static final StringSet EMPTY = new StringSet(new String[1], new int[1], 0);

	private final @Nullable String[] strings;

	private final int[] hashes;

	private final int size;

	private StringSet(@Nullable String[] strings, int[] hashes, int size) {
		this.strings = strings;
		this.hashes = hashes;
		this.size = size;
	}

	static StringSet of(Collection<String> strings) {
		Set<String> distinct = new LinkedHashSet<>(strings);
		if (distinct.isEmpty()) {
			return EMPTY;
		}
		// At most half full, so that a miss ends at an empty slot after a probe or two
		int capacity = Integer.highestOneBit(distinct.size() * 2 - 1) << 1;
		String[] table = new String[capacity];
		int[] hashes = new int[capacity];
		for (String string : distinct) {
			int hash = string.hashCode();
			int index = spread(hash) & (capacity - 1);
			while (table[index] != null) {
				index = (index + 1) & (capacity - 1);
			}
			table[index] = string.intern();
			hashes[index] = hash;
		}
		return new StringSet(table, hashes, distinct.size());
	}

	boolean contains(String string) {
		return contains(string, string.hashCode());
	}

	/**
	 * Whether the set holds a string whose hash code the caller already has.
	 * @param string the string
	 * @param hash {@code string.hashCode()}
	 * @return true when the set holds an equal string
	 */
	boolean contains(String string, int hash) {
		if (this.size == 0) {
			return false;
		}
		String[] strings = this.strings;
		int mask = strings.length - 1;
		int index = spread(hash) & mask;
		while (true) {
			String candidate = strings[index];
			if (candidate == string) {
				return true;
			}
			if (candidate == null) {
				return false;
			}
			if (this.hashes[index] == hash && candidate.equals(string)) {
				return true;
			}
			index = (index + 1) & mask;
		}
	}

	boolean isEmpty() {
		return this.size == 0;
	}

	private static int spread(int hash) {
		return hash ^ (hash >>> 16);
	}

}
