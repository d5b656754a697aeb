package dev.flags.core.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.flags.core.internal.PerfectHash;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of strings for the evaluator's membership tests: an open-addressing table
 * with each string's hash beside it, so that a lookup reads two arrays instead of following a
 * {@code HashMap}'s nodes. The strings are interned, so that a constant, an enum name or any
 * other interned string is found by identity without comparing characters.
 * <p>
 * A small set (the values of a condition, a short include list: always up to 16 strings, most up
 * to {@value PerfectHash#MAX_SIZE}) is laid out so that every member has a slot of its own: a
 * lookup reads one slot and never probes. Other sets are probed, at most half full.
 */
final class StringSet {

	/** The multiplier of the probed layout. */
	private static final int SCATTER = 0x9e3779b9;

	private static final StringSet EMPTY = empty();

	private final @Nullable String[] strings;

	private final int[] hashes;

	private final int size;

	/** Whether every member sits in the slot its hash gives, so that a lookup reads one slot. */
	private final boolean perfect;

	private final int multiplier;

	private final int shift;

	private StringSet(@Nullable String[] strings, int[] hashes, int size, @Nullable PerfectHash layout, int shift) {
		this.strings = strings;
		this.hashes = hashes;
		this.size = size;
		this.perfect = layout != null;
		this.multiplier = (layout != null) ? layout.multiplier() : SCATTER;
		this.shift = shift;
	}

	private static StringSet empty() {
		PerfectHash layout = PerfectHash.find(new int[0]);
		if (layout == null) {
			throw new IllegalStateException("No layout for the empty set");
		}
		return new StringSet(new String[layout.capacity()], new int[layout.capacity()], 0, layout, layout.shift());
	}

	static StringSet of(Collection<String> strings) {
		Set<String> distinct = new LinkedHashSet<>(strings);
		if (distinct.isEmpty()) {
			return EMPTY;
		}
		int[] memberHashes = distinct.stream().mapToInt(String::hashCode).toArray();
		PerfectHash layout = PerfectHash.find(memberHashes);
		if (layout != null) {
			String[] table = new String[layout.capacity()];
			int[] hashes = new int[layout.capacity()];
			for (String string : distinct) {
				int slot = layout.slot(string.hashCode());
				table[slot] = string.intern();
				hashes[slot] = string.hashCode();
			}
			return new StringSet(table, hashes, distinct.size(), layout, layout.shift());
		}
		// At most half full, so that a miss ends at an empty slot after a probe or two; the slot is
		// the top bits of the hash times an odd constant, so that keys with consecutive hashes
		// ("user-1", "user-2", ...) scatter instead of forming one long run a miss would walk
		int capacity = Integer.highestOneBit(distinct.size() * 2 - 1) << 1;
		int shift = 32 - Integer.numberOfTrailingZeros(capacity);
		String[] table = new String[capacity];
		int[] hashes = new int[capacity];
		for (String string : distinct) {
			int hash = string.hashCode();
			int index = (hash * SCATTER) >>> shift;
			while (table[index] != null) {
				index = (index + 1) & (capacity - 1);
			}
			table[index] = string.intern();
			hashes[index] = hash;
		}
		return new StringSet(table, hashes, distinct.size(), null, shift);
	}

	static StringSet union(Collection<String> first, Collection<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return of(all);
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
		String[] strings = this.strings;
		if (this.perfect) {
			int slot = (hash * this.multiplier) >>> this.shift;
			String candidate = strings[slot];
			return candidate == string || (this.hashes[slot] == hash && candidate != null && candidate.equals(string));
		}
		int mask = strings.length - 1;
		int index = (hash * this.multiplier) >>> this.shift;
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

}
