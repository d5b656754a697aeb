package dev.flags.core.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an experiment is set up and judged: its variants and their weights, the metrics, and the
 * error rates. Immutable; start from {@link #of(String, Map, List)} and change a setting with a
 * {@code with…} method.
 *
 * @param control the name of the control variant, one of the weights' keys
 * @param weights every variant's weight, in any positive unit (percent, say); the order is kept
 * and treatments are reported in it
 * @param metrics the metrics, the first being the primary metric that decides the experiment's
 * status
 * @param alpha the false-positive rate, two-sided, between 0 and 0.5; default
 * {@value #DEFAULT_ALPHA}
 * @param power the chance to detect the minimum detectable effect, used for the sample size, between
 * 0 and 1; default {@value #DEFAULT_POWER}
 * @param tuningSampleSize the number of users (control plus treatment) at which a decision is
 * expected; the sequential test is tightest there (N* in {@code docs/experiments-statistics.md});
 * default {@value #DEFAULT_TUNING_SAMPLE_SIZE}
 * @param method which inference the status is decided by; default
 * {@link AnalysisMethod#SEQUENTIAL}
 */
public record ExperimentDesign(String control, Map<String, Double> weights, List<Metric> metrics, double alpha,
		double power, long tuningSampleSize, AnalysisMethod method) {

	/**
	 * The default false-positive rate.
	 */
	public static final double DEFAULT_ALPHA = 0.05;

	/**
	 * The default power.
	 */
	public static final double DEFAULT_POWER = 0.8;

	/**
	 * The default number of users at which a decision is expected.
	 */
	public static final long DEFAULT_TUNING_SAMPLE_SIZE = 5000;

	/**
	 * Creates a design, checking it.
	 * @param control the control variant
	 * @param weights the variants' weights
	 * @param metrics the metrics, primary first
	 * @param alpha the false-positive rate
	 * @param power the power
	 * @param tuningSampleSize the users at which a decision is expected
	 * @param method the inference the status is decided by
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public ExperimentDesign {
		weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
		metrics = List.copyOf(metrics);
		if (weights.size() < 2) {
			throw new IllegalArgumentException(
					"an experiment needs a control and at least one treatment, but the weights name " + weights.keySet());
		}
		if (!weights.containsKey(control)) {
			throw new IllegalArgumentException(
					"the control variant '" + control + "' is not among the weighted variants " + weights.keySet());
		}
		weights.forEach((variant, weight) -> {
			if (weight == null || !(weight > 0) || !Double.isFinite(weight)) {
				throw new IllegalArgumentException(
						"variant '" + variant + "' must have a finite weight greater than 0, but has " + weight);
			}
		});
		if (metrics.isEmpty()) {
			throw new IllegalArgumentException("an experiment needs at least one metric");
		}
		Set<String> names = new HashSet<>();
		for (Metric metric : metrics) {
			if (!names.add(metric.name())) {
				throw new IllegalArgumentException("metric '" + metric.name() + "' is declared twice");
			}
		}
		if (!(alpha > 0 && alpha <= 0.5)) {
			throw new IllegalArgumentException("alpha must be greater than 0 and at most 0.5, but was " + alpha);
		}
		if (!(power > 0 && power < 1)) {
			throw new IllegalArgumentException("power must be between 0 and 1, but was " + power);
		}
		if (tuningSampleSize < 1) {
			throw new IllegalArgumentException("tuningSampleSize must be at least 1, but was " + tuningSampleSize);
		}
	}

	/**
	 * A design with the default alpha, power, tuning sample size and sequential method.
	 * @param control the control variant
	 * @param weights the variants' weights, control included
	 * @param metrics the metrics, primary first
	 * @return the design
	 */
	public static ExperimentDesign of(String control, Map<String, Double> weights, List<Metric> metrics) {
		return new ExperimentDesign(control, weights, metrics, DEFAULT_ALPHA, DEFAULT_POWER, DEFAULT_TUNING_SAMPLE_SIZE,
				AnalysisMethod.SEQUENTIAL);
	}

	/**
	 * A design with the default alpha, power, tuning sample size and sequential method.
	 * @param control the control variant
	 * @param weights the variants' weights, control included
	 * @param primary the primary metric
	 * @param others further metrics
	 * @return the design
	 */
	public static ExperimentDesign of(String control, Map<String, Double> weights, Metric primary, Metric... others) {
		List<Metric> metrics = new ArrayList<>();
		metrics.add(primary);
		metrics.addAll(List.of(others));
		return of(control, weights, metrics);
	}

	/**
	 * This design with another false-positive rate.
	 * @param alpha the rate, for example 0.05
	 * @return the design
	 */
	public ExperimentDesign withAlpha(double alpha) {
		return new ExperimentDesign(this.control, this.weights, this.metrics, alpha, this.power, this.tuningSampleSize,
				this.method);
	}

	/**
	 * This design with another power.
	 * @param power the power, for example 0.8
	 * @return the design
	 */
	public ExperimentDesign withPower(double power) {
		return new ExperimentDesign(this.control, this.weights, this.metrics, this.alpha, power, this.tuningSampleSize,
				this.method);
	}

	/**
	 * This design with another number of users at which a decision is expected.
	 * @param tuningSampleSize the number of users, control plus treatment
	 * @return the design
	 */
	public ExperimentDesign withTuningSampleSize(long tuningSampleSize) {
		return new ExperimentDesign(this.control, this.weights, this.metrics, this.alpha, this.power, tuningSampleSize,
				this.method);
	}

	/**
	 * This design decided by another method.
	 * @param method the method
	 * @return the design
	 */
	public ExperimentDesign withMethod(AnalysisMethod method) {
		return new ExperimentDesign(this.control, this.weights, this.metrics, this.alpha, this.power,
				this.tuningSampleSize, method);
	}

	/**
	 * The treatment variants, in the weights' order.
	 * @return every variant but the control
	 */
	public List<String> treatments() {
		List<String> treatments = new ArrayList<>(this.weights.keySet());
		treatments.remove(this.control);
		return List.copyOf(treatments);
	}

	/**
	 * The metric that decides the experiment's status.
	 * @return the first metric
	 */
	public Metric primaryMetric() {
		return this.metrics.get(0);
	}

	/**
	 * The share of users a variant should get.
	 * @param variant the variant
	 * @return its weight divided by the sum of the weights
	 */
	public double share(String variant) {
		Double weight = this.weights.get(variant);
		if (weight == null) {
			throw new IllegalArgumentException("unknown variant '" + variant + "'; the design has " + this.weights.keySet());
		}
		return weight / totalWeight();
	}

	double totalWeight() {
		double total = 0;
		for (double weight : this.weights.values()) {
			total += weight;
		}
		return total;
	}

}
