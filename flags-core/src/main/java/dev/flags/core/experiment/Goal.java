package dev.flags.core.experiment;

/**
 * Which direction of a metric is an improvement.
 */
public enum Goal {

	/**
	 * Higher is better (conversion, revenue).
	 */
	INCREASE,

	/**
	 * Lower is better (errors, latency, churn).
	 */
	DECREASE

}
