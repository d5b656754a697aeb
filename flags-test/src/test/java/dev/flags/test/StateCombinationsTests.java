package dev.flags.test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StateCombinations}.
 */
class StateCombinationsTests {

	private static final List<FlagState> ON_OFF = List.of(FlagState.on(), FlagState.off());

	@Test
	void allCombinationsChangeTheLastFlagFastest() {
		List<FlagStates> runs = StateCombinations.all(flags(3));
		assertThat(runs).extracting(FlagStates::toString)
			.containsExactly("f1=on, f2=on, f3=on", "f1=on, f2=on, f3=off", "f1=on, f2=off, f3=on",
					"f1=on, f2=off, f3=off", "f1=off, f2=on, f3=on", "f1=off, f2=on, f3=off",
					"f1=off, f2=off, f3=on", "f1=off, f2=off, f3=off");
	}

	@Test
	void allPairsOfOneFlagAreItsStates() {
		assertThat(StateCombinations.allPairs(flags(1))).extracting(FlagStates::toString)
			.containsExactly("f1=on", "f1=off");
	}

	@Test
	void allPairsCoverEveryPairOfStatesInFewRuns() {
		for (int count = 2; count <= 12; count++) {
			List<FlagStates> runs = StateCombinations.allPairs(flags(count));
			assertThat(uncoveredPairs(flags(count), runs)).as("pairs of %d flags", count).isEmpty();
			assertThat(runs).as("runs for %d flags", count).hasSizeLessThanOrEqualTo(count <= 3 ? 4 : 10);
		}
		assertThat(StateCombinations.allPairs(flags(10))).hasSizeLessThanOrEqualTo(10);
	}

	@Test
	void allPairsCoverFlagsWithMoreStates() {
		Map<String, List<FlagState>> flags = flags(4);
		flags.put("pricing", List.of(FlagState.variant("a"), FlagState.variant("b"), FlagState.variant("c")));
		List<FlagStates> runs = StateCombinations.allPairs(flags);
		assertThat(uncoveredPairs(flags, runs)).isEmpty();
		assertThat(runs.size()).isGreaterThanOrEqualTo(6).isLessThan(48);
	}

	@Test
	void runsAreTheSameEveryTime() {
		assertThat(StateCombinations.allPairs(flags(8))).isEqualTo(StateCombinations.allPairs(flags(8)));
	}

	private static Map<String, List<FlagState>> flags(int count) {
		Map<String, List<FlagState>> flags = new LinkedHashMap<>();
		for (int i = 1; i <= count; i++) {
			flags.put("f" + i, ON_OFF);
		}
		return flags;
	}

	private static Set<String> uncoveredPairs(Map<String, List<FlagState>> flags, List<FlagStates> runs) {
		Set<String> uncovered = new HashSet<>();
		List<String> keys = List.copyOf(flags.keySet());
		for (int i = 0; i < keys.size(); i++) {
			for (int j = i + 1; j < keys.size(); j++) {
				for (FlagState a : flags.get(keys.get(i))) {
					for (FlagState b : flags.get(keys.get(j))) {
						uncovered.add(keys.get(i) + "=" + a + " & " + keys.get(j) + "=" + b);
					}
				}
			}
		}
		for (FlagStates run : runs) {
			for (int i = 0; i < keys.size(); i++) {
				for (int j = i + 1; j < keys.size(); j++) {
					uncovered.remove(keys.get(i) + "=" + run.get(keys.get(i)) + " & " + keys.get(j) + "="
							+ run.get(keys.get(j)));
				}
			}
		}
		return uncovered;
	}

}
