package dev.flags.core.experiment;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction (Holm 1979), which controls the family-wise error rate over the
 * treatments of one metric: with the {@code m} p-values sorted ascending,
 * {@code p̃(i) = max over j ≤ i of min(1, (m − j + 1)·p(j))}.
 */
final class HolmCorrection {

	private HolmCorrection() {
	}

	static double[] adjust(double[] pValues) {
		int m = pValues.length;
		Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble((index) -> pValues[index]));
		double[] adjusted = new double[m];
		double running = 0;
		for (int rank = 0; rank < m; rank++) {
			int index = order[rank];
			running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
			adjusted[index] = running;
		}
		return adjusted;
	}

}
