package dev.flags.core.eval;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StringSet}.
 */
class StringSetTests {

	@Test
	void containsEqualStringsWhateverTheInstance() {
		List<String> members = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			members.add("user-" + i);
		}
		StringSet set = StringSet.of(members);
		for (int i = 0; i < 50; i++) {
			assertThat(set.contains(new StringBuilder("user-").append(i).toString())).isTrue();
		}
		assertThat(set.contains("user-50")).isFalse();
		assertThat(set.contains("")).isFalse();
		assertThat(set.isEmpty()).isFalse();
	}

	@Test
	void collidingHashesAreToldApart() {
		// "Aa" and "BB" have the same String hash
		StringSet set = StringSet.of(List.of("Aa", "AaAa"));
		assertThat(set.contains("Aa")).isTrue();
		assertThat(set.contains("BB")).isFalse();
		assertThat(set.contains("BBBB")).isFalse();
		assertThat(set.contains("AaAa")).isTrue();
	}

	@Test
	void membersSharingAHashAreBothFound() {
		// Equal hashes cannot be given slots of their own: the set is probed instead
		StringSet set = StringSet.of(List.of("Aa", "BB", "x"));
		assertThat(set.contains(new String("Aa"))).isTrue();
		assertThat(set.contains(new String("BB"))).isTrue();
		assertThat(set.contains("x")).isTrue();
		assertThat(set.contains("C#")).isFalse();
	}

	@Test
	void everySizeFindsItsMembersAndNothingElse() {
		// Small sets read one slot, large ones probe: both answer alike, at every size either side
		for (int size : new int[] { 1, 2, 3, 7, 8, 9, 31, 63, 64, 65, 200 }) {
			List<String> members = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				members.add("member-" + i);
			}
			StringSet set = StringSet.of(members);
			for (int i = 0; i < size; i++) {
				assertThat(set.contains(new StringBuilder("member-").append(i).toString())).as("size %d", size)
					.isTrue();
			}
			for (int i = size; i < size + 500; i++) {
				assertThat(set.contains("member-" + i)).as("size %d", size).isFalse();
			}
		}
	}

	@Test
	void duplicatesCountOnce() {
		StringSet set = StringSet.of(List.of("a", "a", "b"));
		assertThat(set.contains("a")).isTrue();
		assertThat(set.contains("b")).isTrue();
		assertThat(set.contains("c")).isFalse();
	}

	@Test
	void emptySetContainsNothing() {
		StringSet set = StringSet.of(List.of());
		assertThat(set.isEmpty()).isTrue();
		assertThat(set.contains("")).isFalse();
		assertThat(set.contains("a")).isFalse();
	}

}
