package dev.flags.core.experiment;

/**
 * What kind of value a metric has per user, which decides the fixed-horizon test.
 */
public enum MetricKind {

	/**
	 * Converted or not: each user's value is 0 or 1 and the mean is a conversion rate. Compared with
	 * the two-proportion z-test.
	 */
	BINOMIAL,

	/**
	 * Any real value per user (revenue, items, latency). Compared with Welch's t-test.
	 */
	CONTINUOUS

}
