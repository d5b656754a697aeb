package dev.flags.core.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PerfectHash}.
 */
class PerfectHashTests {

	@Test
	void givesEveryCodeASlotOfItsOwnInASmallTable() {
		SplittableRandom random = new SplittableRandom(42);
		int found = 0;
		for (int size = 0; size <= PerfectHash.MAX_SIZE; size++) {
			for (int round = 0; round < 20; round++) {
				Set<Integer> distinct = new HashSet<>();
				while (distinct.size() < size) {
					distinct.add(random.nextInt());
				}
				int[] hashes = distinct.stream().mapToInt(Integer::intValue).toArray();
				PerfectHash layout = PerfectHash.find(hashes);
				if (size <= 16) {
					// Small sets, the values of a condition or a context's attributes, always get one
					assertThat(layout).as("size %d", size).isNotNull();
				}
				if (layout == null) {
					continue;
				}
				found++;
				assertThat(layout.capacity()).isGreaterThanOrEqualTo(Math.max(2, size * 2))
					.isLessThanOrEqualTo(Math.max(16, size * 8));
				Set<Integer> slots = new HashSet<>();
				for (int hash : hashes) {
					int slot = layout.slot(hash);
					assertThat(slot).isBetween(0, layout.capacity() - 1);
					assertThat(slots.add(slot)).as("slot %d taken twice", slot).isTrue();
				}
			}
		}
		// Most larger sets find one too (about two in three up to 64 codes); the others are probed
		assertThat(found).isGreaterThan(65 * 20 / 2);
	}

	@Test
	void refusesRepeatedCodesAndLargeSets() {
		assertThat(PerfectHash.find(new int[] { 7, 3, 7 })).isNull();
		assertThat(PerfectHash.find(new int[PerfectHash.MAX_SIZE + 1])).isNull();
	}

	@Test
	void slotsOfStringHashesOfTypicalNames() {
		String[] names = { "plan", "country", "groups", "email", "age", "accountId", "signupDate", "key" };
		int[] hashes = new int[names.length];
		for (int i = 0; i < names.length; i++) {
			hashes[i] = names[i].hashCode();
		}
		PerfectHash layout = PerfectHash.find(hashes);
		assertThat(layout).isNotNull();
		assertThat(layout.capacity()).isLessThanOrEqualTo(64);
	}

}
