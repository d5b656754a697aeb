package dev.flags.core.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The sample-ratio-mismatch test: Pearson's chi-square goodness of fit of the users per variant
 * against the configured weights, {@code χ² = Σ (oᵢ − eᵢ)² / eᵢ} with {@code eᵢ = N·wᵢ/Σw}, and
 * {@code p = P(χ²(k − 1) ≥ χ²)} for {@code k} variants.
 */
final class SampleRatioTest {

	private SampleRatioTest() {
	}

	static SampleRatioCheck check(ExperimentDesign design, Map<String, Long> users) {
		long total = 0;
		for (long count : users.values()) {
			total += count;
		}
		Map<String, Double> shares = new LinkedHashMap<>();
		double chiSquare = 0;
		for (String variant : design.weights().keySet()) {
			double share = design.share(variant);
			shares.put(variant, share);
			double expected = total * share;
			if (expected > 0) {
				double deviation = users.getOrDefault(variant, 0L) - expected;
				chiSquare += deviation * deviation / expected;
			}
		}
		double pValue = (total > 0)
				? ChiSquaredDistribution.of(design.weights().size() - 1).survivalProbability(chiSquare) : 1;
		return new SampleRatioCheck(users, shares, chiSquare, pValue, pValue < SampleRatioCheck.THRESHOLD);
	}

}
