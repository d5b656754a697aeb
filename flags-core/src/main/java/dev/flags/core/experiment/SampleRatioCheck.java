package dev.flags.core.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sample-ratio-mismatch check: a chi-square goodness-of-fit test of the users per variant
 * against the configured weights. A mismatch means assignment or exposure logging is broken, and
 * the results cannot be trusted.
 *
 * @param users the observed users per variant
 * @param expectedShares the share each variant should get
 * @param chiSquare the chi-square statistic, with one degree of freedom less than there are
 * variants
 * @param pValue the p-value; 1 when there are no users
 * @param mismatch whether the p-value is below {@value #THRESHOLD}
 */
public record SampleRatioCheck(Map<String, Long> users, Map<String, Double> expectedShares, double chiSquare,
		double pValue, boolean mismatch) {

	/**
	 * The p-value below which the split counts as a mismatch.
	 */
	public static final double THRESHOLD = 0.001;

	/**
	 * Creates a check result, copying the maps.
	 * @param users the users per variant
	 * @param expectedShares the expected shares
	 * @param chiSquare the statistic
	 * @param pValue the p-value
	 * @param mismatch whether it is a mismatch
	 */
	public SampleRatioCheck {
		users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
		expectedShares = Collections.unmodifiableMap(new LinkedHashMap<>(expectedShares));
	}

}
