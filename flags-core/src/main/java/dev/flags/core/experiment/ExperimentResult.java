package dev.flags.core.experiment;

import java.util.List;

/**
 * The analysis of an experiment at one look.
 *
 * @param metrics the result of each metric, primary first
 * @param sequentialState the state to pass to the next look's analysis
 */
public record ExperimentResult(List<MetricResult> metrics, SequentialState sequentialState) {

	/**
	 * Creates a result, copying the metrics.
	 * @param metrics the metric results, primary first
	 * @param sequentialState the state for the next look
	 */
	public ExperimentResult {
		metrics = List.copyOf(metrics);
		if (metrics.isEmpty()) {
			throw new IllegalArgumentException("an experiment result needs at least one metric");
		}
	}

	/**
	 * The result of the primary metric, which decides the experiment.
	 * @return the first metric's result
	 */
	public MetricResult primary() {
		return this.metrics.get(0);
	}

	/**
	 * The result of a metric.
	 * @param name the metric's name
	 * @return its result
	 * @throws IllegalArgumentException if the design has no such metric
	 */
	public MetricResult metric(String name) {
		for (MetricResult result : this.metrics) {
			if (result.metric().name().equals(name)) {
				return result;
			}
		}
		throw new IllegalArgumentException("no metric '" + name + "'; the metrics are "
				+ this.metrics.stream().map((result) -> result.metric().name()).toList());
	}

	/**
	 * What to do with the experiment: the primary metric's status.
	 * @return the status
	 */
	public Status status() {
		return primary().status();
	}

	/**
	 * The status in plain words.
	 * @return the primary metric's explanation
	 */
	public String explanation() {
		return primary().explanation();
	}

}
