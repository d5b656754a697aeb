package dev.flags.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The runs of a {@link FlagStatesTest}: combinations of the states of its flags. Deterministic:
 * the same flags always give the same runs in the same order.
 */
final class StateCombinations {

	// Candidate runs tried for each run taken (as in AETG): more give fewer runs, slower.
	private static final int CANDIDATES = 50;

	private StateCombinations() {
	}

	/**
	 * Every combination; the first flag changes slowest.
	 * @param flags the states of each flag, in order
	 * @return the runs
	 */
	static List<FlagStates> all(Map<String, List<FlagState>> flags) {
		List<String> keys = new ArrayList<>(flags.keySet());
		int[] sizes = keys.stream().mapToInt((key) -> flags.get(key).size()).toArray();
		List<int[]> rows = new ArrayList<>();
		int[] row = new int[sizes.length];
		while (true) {
			rows.add(row.clone());
			int d = sizes.length - 1;
			while (d >= 0 && ++row[d] == sizes[d]) {
				row[d] = 0;
				d--;
			}
			if (d < 0) {
				return toStates(keys, flags, rows);
			}
		}
	}

	/**
	 * Runs in which every pair of states of any two flags appears at least once. Built greedily,
	 * as AETG does: each candidate run starts from a pair not yet covered and gives the other
	 * flags, in a shuffled order, the state that covers the most new pairs with the flags already
	 * set; of the candidates, the run that covers the most new pairs is taken. The shuffling is
	 * seeded by the flag keys, so the runs are the same every time.
	 * @param flags the states of each flag, in order
	 * @return the runs
	 */
	static List<FlagStates> allPairs(Map<String, List<FlagState>> flags) {
		if (flags.size() < 2) {
			return all(flags);
		}
		List<String> keys = new ArrayList<>(flags.keySet());
		int[] sizes = keys.stream().mapToInt((key) -> flags.get(key).size()).toArray();
		Set<Pair> uncovered = new LinkedHashSet<>();
		for (int i = 0; i < sizes.length; i++) {
			for (int j = i + 1; j < sizes.length; j++) {
				for (int a = 0; a < sizes[i]; a++) {
					for (int b = 0; b < sizes[j]; b++) {
						uncovered.add(new Pair(i, a, j, b));
					}
				}
			}
		}
		// A fixed seed: the same flags always give the same runs.
		Random random = new Random(flags.keySet().hashCode());
		List<int[]> rows = new ArrayList<>();
		while (!uncovered.isEmpty()) {
			List<Pair> seeds = new ArrayList<>(uncovered);
			int[] best = candidate(seeds.get(random.nextInt(seeds.size())), sizes, uncovered, random);
			int bestCount = covered(best, uncovered);
			for (int candidate = 1; candidate < CANDIDATES; candidate++) {
				int[] row = candidate(seeds.get(random.nextInt(seeds.size())), sizes, uncovered, random);
				int count = covered(row, uncovered);
				if (count > bestCount) {
					best = row;
					bestCount = count;
				}
			}
			for (int i = 0; i < sizes.length; i++) {
				for (int j = i + 1; j < sizes.length; j++) {
					uncovered.remove(new Pair(i, best[i], j, best[j]));
				}
			}
			rows.add(best);
		}
		return toStates(keys, flags, rows);
	}

	private static int[] candidate(Pair seed, int[] sizes, Set<Pair> uncovered, Random random) {
		int[] row = new int[sizes.length];
		Arrays.fill(row, -1);
		row[seed.i()] = seed.a();
		row[seed.j()] = seed.b();
		List<Integer> order = new ArrayList<>();
		for (int d = 0; d < sizes.length; d++) {
			if (row[d] == -1) {
				order.add(d);
			}
		}
		Collections.shuffle(order, random);
		for (int d : order) {
			row[d] = bestState(d, sizes[d], row, uncovered, random);
		}
		return row;
	}

	private static int covered(int[] row, Set<Pair> uncovered) {
		int count = 0;
		for (int i = 0; i < row.length; i++) {
			for (int j = i + 1; j < row.length; j++) {
				if (uncovered.contains(new Pair(i, row[i], j, row[j]))) {
					count++;
				}
			}
		}
		return count;
	}

	private static int bestState(int flag, int states, int[] row, Set<Pair> uncovered, Random random) {
		int best = 0;
		int bestCount = -1;
		int ties = 0;
		for (int state = 0; state < states; state++) {
			int count = 0;
			for (int other = 0; other < row.length; other++) {
				if (other != flag && row[other] != -1) {
					Pair pair = (other < flag) ? new Pair(other, row[other], flag, state)
							: new Pair(flag, state, other, row[other]);
					if (uncovered.contains(pair)) {
						count++;
					}
				}
			}
			if (count > bestCount) {
				best = state;
				bestCount = count;
				ties = 1;
			}
			else if (count == bestCount && random.nextInt(++ties) == 0) {
				best = state;
			}
		}
		return best;
	}

	private static List<FlagStates> toStates(List<String> keys, Map<String, List<FlagState>> flags, List<int[]> rows) {
		List<FlagStates> runs = new ArrayList<>();
		for (int[] row : rows) {
			Map<String, FlagState> states = new LinkedHashMap<>();
			for (int d = 0; d < keys.size(); d++) {
				states.put(keys.get(d), flags.get(keys.get(d)).get(row[d]));
			}
			runs.add(new FlagStates(states));
		}
		return runs;
	}

	/**
	 * State {@code a} of flag {@code i} together with state {@code b} of flag {@code j}, {@code i < j}.
	 */
	private record Pair(int i, int a, int j, int b) {
	}

}
