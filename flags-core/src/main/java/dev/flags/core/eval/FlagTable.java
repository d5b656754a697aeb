package dev.flags.core.eval;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The compiled flags of a snapshot by key: an open-addressing table of interned keys, their
 * hashes and their flags in three parallel arrays, so that a lookup reads the key's slot and the
 * flag beside it, rather than following a {@code HashMap}'s node. A caller's constant, or any
 * interned key, is found by identity without comparing characters.
 */
final class FlagTable {

	private final @Nullable String[] keys;

	private final int[] hashes;

	private final @Nullable CompiledFlag[] flags;

	private final int size;

	FlagTable(Map<String, CompiledFlag> flags) {
		// At most half full, so that a miss ends at an empty slot after a probe or two
		int capacity = Math.max(2, Integer.highestOneBit(Math.max(1, flags.size()) * 2 - 1) << 1);
		this.keys = new String[capacity];
		this.hashes = new int[capacity];
		this.flags = new CompiledFlag[capacity];
		flags.forEach((key, flag) -> {
			int hash = key.hashCode();
			int index = spread(hash) & (capacity - 1);
			while (this.keys[index] != null) {
				index = (index + 1) & (capacity - 1);
			}
			this.keys[index] = key.intern();
			this.hashes[index] = hash;
			this.flags[index] = flag;
		});
		this.size = flags.size();
	}

	/**
	 * The flag with a key.
	 * @param key the key
	 * @return the flag, or null when there is none
	 */
	@Nullable CompiledFlag get(String key) {
		String[] keys = this.keys;
		int mask = keys.length - 1;
		int hash = key.hashCode();
		int index = spread(hash) & mask;
		while (true) {
			String candidate = keys[index];
			if (candidate == key) {
				return this.flags[index];
			}
			if (candidate == null) {
				return null;
			}
			if (this.hashes[index] == hash && candidate.equals(key)) {
				return this.flags[index];
			}
			index = (index + 1) & mask;
		}
	}

	int size() {
		return this.size;
	}

	private static int spread(int hash) {
		return hash ^ (hash >>> 16);
	}

}
