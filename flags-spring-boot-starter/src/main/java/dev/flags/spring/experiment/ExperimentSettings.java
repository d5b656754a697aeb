package dev.flags.spring.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flags.core.experiment.AnalysisMethod;
import dev.flags.core.experiment.ExperimentDesign;
import dev.flags.core.experiment.Metric;
import dev.flags.core.experiment.ResultsStore;
import dev.flags.core.model.Flag;
import dev.flags.core.model.Variant;
import org.jspecify.annotations.Nullable;

/**
 * How one experiment is judged, beside its flag: the control, the metrics and the error rates.
 * The variants and their weights come from the flag itself, so the design always matches what
 * users are served.
 *
 * @param control the control variant, or null for the flag's first variant
 * @param metrics the metrics, the primary first; none means exposures are counted but there is
 * nothing to analyse
 * @param alpha the false-positive rate
 * @param power the power for the sample size
 * @param tuningSampleSize the users (control plus treatment) at which a decision is expected
 * @param method which inference decides the status
 */
public record ExperimentSettings(@Nullable String control, List<Metric> metrics, double alpha, double power,
		long tuningSampleSize, AnalysisMethod method) {

	/**
	 * Creates settings, copying the metrics and checking their names.
	 * @param control the control variant
	 * @param metrics the metrics
	 * @param alpha the false-positive rate
	 * @param power the power
	 * @param tuningSampleSize the tuning sample size
	 * @param method the method
	 * @throws IllegalArgumentException if a metric name is not valid for a results store
	 */
	public ExperimentSettings {
		metrics = List.copyOf(metrics);
		metrics.forEach((metric) -> ResultsStore.requireMetricName(metric.name()));
	}

	/**
	 * Settings with the defaults of {@link ExperimentDesign} and no metrics.
	 * @return the settings
	 */
	public static ExperimentSettings defaults() {
		return new ExperimentSettings(null, List.of(), ExperimentDesign.DEFAULT_ALPHA, ExperimentDesign.DEFAULT_POWER,
				ExperimentDesign.DEFAULT_TUNING_SAMPLE_SIZE, AnalysisMethod.SEQUENTIAL);
	}

	/**
	 * The metric with a name.
	 * @param name the name
	 * @return the metric, or null when these settings do not declare it
	 */
	public @Nullable Metric metric(String name) {
		for (Metric metric : this.metrics) {
			if (metric.name().equals(name)) {
				return metric;
			}
		}
		return null;
	}

	/**
	 * The control of a flag: the configured one, or the flag's first variant.
	 * @param flag the flag
	 * @return the control's name
	 */
	public String controlOf(Flag flag) {
		if (this.control != null) {
			return this.control;
		}
		return flag.variants().isEmpty() ? "control" : flag.variants().get(0).name();
	}

	/**
	 * The design of a flag's experiment: its variants with a weight above 0, with these settings.
	 * @param flag the experiment's flag
	 * @return the design
	 * @throws IllegalArgumentException naming what is wrong: no metrics, fewer than two weighted
	 * variants, a control that is not one of them, or settings out of range
	 */
	public ExperimentDesign design(Flag flag) {
		if (this.metrics.isEmpty()) {
			throw new IllegalArgumentException("experiment '" + flag.key() + "' declares no metrics; declare them under "
					+ "flags.experiments.designs." + flag.key() + ".metrics");
		}
		Map<String, Double> weights = new LinkedHashMap<>();
		for (Variant variant : flag.variants()) {
			if (variant.weight().signum() > 0) {
				weights.put(variant.name(), variant.weight().doubleValue());
			}
		}
		try {
			return new ExperimentDesign(controlOf(flag), weights, this.metrics, this.alpha, this.power,
					this.tuningSampleSize, this.method);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("experiment '" + flag.key() + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * Names the settings a sequential state is valid for: it is kept under this name, so changing
	 * alpha or the tuning sample size starts a new state.
	 * @return the name, for example {@code a0.05-n5000}
	 */
	public String sequentialDesign() {
		return "a" + this.alpha + "-n" + this.tuningSampleSize;
	}

}
