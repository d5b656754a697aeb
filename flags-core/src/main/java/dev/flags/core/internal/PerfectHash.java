package dev.flags.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * Finds, for a small set of distinct hash codes, a table size and a multiplier that give every
 * code a slot of its own: {@code (hash * multiplier) >>> shift}. A lookup in such a table reads
 * one slot and never probes, so it has no loop and no branch that depends on which slots happen
 * to be taken. Not an API.
 */
public final class PerfectHash {

	/** The largest set given a perfect layout; larger ones are probed. */
	public static final int MAX_SIZE = 64;

	/** Odd multipliers with well-mixed bits, tried in turn at each table size. */
	private static final int[] MULTIPLIERS = multipliers(32);

	private final int multiplier;

	private final int shift;

	private PerfectHash(int multiplier, int shift) {
		this.multiplier = multiplier;
		this.shift = shift;
	}

	/**
	 * A layout that gives each of the hash codes its own slot, in a table of at most 8 slots per
	 * code (16 for a handful), so that a context's table stays small: past that, null, and the
	 * caller probes a table half full instead.
	 * @param hashes the hash codes of the members, distinct members may share a code
	 * @return the layout, or null when the codes repeat, there are too many, or none was found
	 */
	public static @Nullable PerfectHash find(int[] hashes) {
		int size = hashes.length;
		if (size > MAX_SIZE) {
			return null;
		}
		// At least 2 slots (a shift of 32 would shift nothing), at least twice as many as codes
		int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, size * 2 - 1)));
		int maxBits = 31 - Integer.numberOfLeadingZeros(Math.max(16, size * 8));
		for (; bits <= maxBits; bits++) {
			for (int multiplier : MULTIPLIERS) {
				if (distinct(hashes, multiplier, 32 - bits)) {
					return new PerfectHash(multiplier, 32 - bits);
				}
			}
		}
		return null;
	}

	private static boolean distinct(int[] hashes, int multiplier, int shift) {
		if (shift >= 26) {
			// Up to 64 slots: the taken ones fit in a long
			long taken = 0;
			for (int hash : hashes) {
				long bit = 1L << ((hash * multiplier) >>> shift);
				if ((taken & bit) != 0) {
					return false;
				}
				taken |= bit;
			}
			return true;
		}
		boolean[] taken = new boolean[1 << (32 - shift)];
		for (int hash : hashes) {
			int slot = (hash * multiplier) >>> shift;
			if (taken[slot]) {
				return false;
			}
			taken[slot] = true;
		}
		return true;
	}

	/** Odd constants from the SplitMix64 sequence, the same on every run. */
	private static int[] multipliers(int count) {
		int[] multipliers = new int[count];
		long state = 0x9e3779b97f4a7c15L;
		for (int i = 0; i < count; i++) {
			state += 0x9e3779b97f4a7c15L;
			long z = state;
			z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
			z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
			z ^= z >>> 31;
			multipliers[i] = (int) z | 1;
		}
		return multipliers;
	}

	/**
	 * The number of slots of the table.
	 * @return a power of two, at least 2
	 */
	public int capacity() {
		return 1 << (32 - this.shift);
	}

	/**
	 * The multiplier of the layout.
	 * @return the multiplier
	 */
	public int multiplier() {
		return this.multiplier;
	}

	/**
	 * The shift of the layout.
	 * @return the shift, from 1 to 31
	 */
	public int shift() {
		return this.shift;
	}

	/**
	 * The slot of a hash code.
	 * @param hash the code
	 * @return the slot
	 */
	public int slot(int hash) {
		return (hash * this.multiplier) >>> this.shift;
	}

}
