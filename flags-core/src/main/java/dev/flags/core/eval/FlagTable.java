package dev.flags.core.eval;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The compiled flags of a snapshot by key: a two-choice (cuckoo) hash table of interned keys, their hashes and
 * their flags in three parallel arrays. Every key sits in one of two slots its hash gives, so a
 * lookup reads at most two slots, with no loop, whatever the keys: a flag's lookup costs the same
 * whichever other flags happen to be defined. A caller's constant, or any interned key, is found
 * by identity without comparing characters.
 */
final class FlagTable {

	/** Pairs of odd multipliers, tried in turn until every key finds a place. */
	private static final int[] MULTIPLIERS = { 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1,
			0xd3a2646d, 0xfd7046c5, 0xb55a4f09, 0x7feb352d, 0x846ca68b, 0x68e31da5, 0x4f6cdd1d };

	private static final int MAX_KICKS = 512;

	private final @Nullable String[] keys;

	private final int[] hashes;

	private final @Nullable CompiledFlag[] flags;

	private final int first;

	private final int second;

	private final int shift;

	private final int size;

	/** Whether the table is probed instead: keys whose hashes repeat too often to fit two slots. */
	private final boolean probed;

	FlagTable(Map<String, CompiledFlag> flags) {
		this.size = flags.size();
		// At most 40 % full, where two-choice cuckoo tables build at the first or second try
		int capacity = Integer.highestOneBit(Math.max(4, flags.size() * 5 / 2 - 1)) << 1;
		int limit = capacity * 8;
		for (; capacity <= limit; capacity <<= 1) {
			int shift = 32 - Integer.numberOfTrailingZeros(capacity);
			for (int pair = 0; pair + 1 < MULTIPLIERS.length; pair += 2) {
				Layout layout = Layout.cuckoo(flags, capacity, MULTIPLIERS[pair], MULTIPLIERS[pair + 1], shift);
				if (layout != null) {
					this.keys = layout.keys;
					this.hashes = layout.hashes;
					this.flags = layout.flags;
					this.first = MULTIPLIERS[pair];
					this.second = MULTIPLIERS[pair + 1];
					this.shift = shift;
					this.probed = false;
					return;
				}
			}
		}
		// Three or more keys share a hash (possible, never seen in practice): probe from one slot
		capacity = Integer.highestOneBit(Math.max(4, flags.size() * 2 - 1)) << 1;
		Layout layout = Layout.probed(flags, capacity, MULTIPLIERS[0], 32 - Integer.numberOfTrailingZeros(capacity));
		this.keys = layout.keys;
		this.hashes = layout.hashes;
		this.flags = layout.flags;
		this.first = MULTIPLIERS[0];
		this.second = MULTIPLIERS[0];
		this.shift = 32 - Integer.numberOfTrailingZeros(capacity);
		this.probed = true;
	}

	/**
	 * The flag with a key.
	 * @param key the key
	 * @return the flag, or null when there is none
	 */
	@Nullable CompiledFlag get(String key) {
		if (this.probed) {
			return probe(key);
		}
		int hash = key.hashCode();
		String[] keys = this.keys;
		int one = (hash * this.first) >>> this.shift;
		String candidate = keys[one];
		if (candidate == key) {
			return this.flags[one];
		}
		int two = (hash * this.second) >>> this.shift;
		String other = keys[two];
		if (other == key) {
			return this.flags[two];
		}
		// Not the same instance: compare characters, where the hashes agree
		if (candidate != null && this.hashes[one] == hash && candidate.equals(key)) {
			return this.flags[one];
		}
		if (other != null && this.hashes[two] == hash && other.equals(key)) {
			return this.flags[two];
		}
		return null;
	}

	private @Nullable CompiledFlag probe(String key) {
		int hash = key.hashCode();
		int mask = this.keys.length - 1;
		for (int slot = (hash * this.first) >>> this.shift;; slot = (slot + 1) & mask) {
			String candidate = this.keys[slot];
			if (candidate == null) {
				return null;
			}
			if (candidate == key || (this.hashes[slot] == hash && candidate.equals(key))) {
				return this.flags[slot];
			}
		}
	}

	int size() {
		return this.size;
	}

	/** The arrays of a table under construction. */
	private static final class Layout {

		final @Nullable String[] keys;

		final int[] hashes;

		final @Nullable CompiledFlag[] flags;

		private Layout(int capacity) {
			this.keys = new String[capacity];
			this.hashes = new int[capacity];
			this.flags = new CompiledFlag[capacity];
		}

		/** Places every key in one of its two slots, or gives up (null) when they do not fit. */
		static @Nullable Layout cuckoo(Map<String, CompiledFlag> flags, int capacity, int first, int second,
				int shift) {
			Layout layout = new Layout(capacity);
			for (Map.Entry<String, CompiledFlag> entry : flags.entrySet()) {
				String key = entry.getKey().intern();
				int hash = key.hashCode();
				CompiledFlag flag = entry.getValue();
				int slot = (hash * first) >>> shift;
				boolean placed = false;
				for (int kick = 0; kick < MAX_KICKS; kick++) {
					if (layout.keys[slot] == null) {
						layout.keys[slot] = key;
						layout.hashes[slot] = hash;
						layout.flags[slot] = flag;
						placed = true;
						break;
					}
					// Take the slot and move its key to that key's other slot
					String evictedKey = layout.keys[slot];
					int evictedHash = layout.hashes[slot];
					CompiledFlag evictedFlag = layout.flags[slot];
					layout.keys[slot] = key;
					layout.hashes[slot] = hash;
					layout.flags[slot] = flag;
					key = evictedKey;
					hash = evictedHash;
					flag = evictedFlag;
					int one = (hash * first) >>> shift;
					slot = (slot == one) ? (hash * second) >>> shift : one;
				}
				if (!placed) {
					return null;
				}
			}
			return layout;
		}

		/** Places every key at the first free slot from the one its hash gives, at most half full. */
		static Layout probed(Map<String, CompiledFlag> flags, int capacity, int multiplier, int shift) {
			Layout layout = new Layout(capacity);
			flags.forEach((name, flag) -> {
				String key = name.intern();
				int hash = key.hashCode();
				int slot = (hash * multiplier) >>> shift;
				while (layout.keys[slot] != null) {
					slot = (slot + 1) & (capacity - 1);
				}
				layout.keys[slot] = key;
				layout.hashes[slot] = hash;
				layout.flags[slot] = flag;
			});
			return layout;
		}

	}

}
