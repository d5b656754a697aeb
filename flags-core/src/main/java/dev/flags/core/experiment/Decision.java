package dev.flags.core.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Turns comparisons into verdicts, a status and a plain-words explanation.
 * <ul>
 * <li>A sample ratio mismatch makes the metric {@link Status#INVALID}.</li>
 * <li>A treatment is {@link Verdict#BETTER} or {@link Verdict#WORSE} when its Holm-adjusted p-value
 * is below alpha. By the fixed-horizon method this is only read once the planned sample size is
 * reached; until then every treatment is undecided.</li>
 * <li>It shows {@link Verdict#NO_DIFFERENCE} when, sequentially, its confidence sequence for the
 * relative lift lies within ± the minimum detectable effect, or, at the fixed horizon, it is not
 * significant (the test had the design's power to find that effect).</li>
 * <li>The best {@code BETTER} treatment wins. Otherwise, once every treatment is decided, the
 * control wins if any treatment is worse, and there is no difference if none is.</li>
 * </ul>
 */
final class Decision {

	private Decision() {
	}

	static Verdict verdict(ExperimentDesign design, Metric metric, Difference difference, Inference inference,
			SampleSize sampleSize) {
		boolean fixedHorizon = design.method() == AnalysisMethod.FIXED_HORIZON;
		if (fixedHorizon && !sampleSize.isReached()) {
			return Verdict.UNDECIDED;
		}
		if (inference.isSignificant(design.alpha())) {
			return (improvement(metric, difference.absolute()) > 0) ? Verdict.BETTER : Verdict.WORSE;
		}
		if (fixedHorizon) {
			return Verdict.NO_DIFFERENCE;
		}
		Interval relative = inference.relative();
		double margin = metric.minimumDetectableEffect();
		if (relative != null && relative.lower() > -margin && relative.upper() < margin) {
			return Verdict.NO_DIFFERENCE;
		}
		return Verdict.UNDECIDED;
	}

	static MetricResult result(ExperimentDesign design, Metric metric, List<Comparison> comparisons,
			SampleRatioCheck sampleRatio, SampleSize sampleSize) {
		if (sampleRatio.mismatch()) {
			return new MetricResult(metric, comparisons, sampleRatio, sampleSize, Status.INVALID, null,
					invalid(sampleRatio));
		}
		Comparison best = comparisons.stream()
			.filter((comparison) -> comparison.verdict() == Verdict.BETTER)
			.max(Comparator.comparingDouble((comparison) -> improvement(metric, comparison.absoluteLift())))
			.orElse(null);
		if (best != null) {
			return new MetricResult(metric, comparisons, sampleRatio, sampleSize, Status.VARIANT_WINS, best.variant(),
					treatmentWins(design, metric, best));
		}
		boolean decided = comparisons.stream().allMatch((comparison) -> comparison.verdict() != Verdict.UNDECIDED);
		if (decided) {
			List<Comparison> worse = comparisons.stream()
				.filter((comparison) -> comparison.verdict() == Verdict.WORSE)
				.toList();
			if (!worse.isEmpty()) {
				return new MetricResult(metric, comparisons, sampleRatio, sampleSize, Status.VARIANT_WINS,
						design.control(), controlWins(design, metric, worse));
			}
			return new MetricResult(metric, comparisons, sampleRatio, sampleSize, Status.NO_DIFFERENCE, null,
					noDifference(design, metric, sampleSize));
		}
		return new MetricResult(metric, comparisons, sampleRatio, sampleSize, Status.KEEP_RUNNING, null,
				keepRunning(design, metric, comparisons, sampleSize));
	}

	private static double improvement(Metric metric, double absoluteLift) {
		return (metric.goal() == Goal.INCREASE) ? absoluteLift : -absoluteLift;
	}

	private static String invalid(SampleRatioCheck check) {
		List<String> observed = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		for (Map.Entry<String, Long> entry : check.users().entrySet()) {
			observed.add("'" + entry.getKey() + "' " + entry.getValue());
			expected.add(percent(check.expectedShares().get(entry.getKey())));
		}
		return "Invalid: sample ratio mismatch. Users are split " + String.join(" / ", observed)
				+ " where the weights expect " + String.join(" / ", expected) + " (chi-square p = "
				+ pValue(check.pValue()) + ", below " + SampleRatioCheck.THRESHOLD
				+ "). Assignment or exposure logging is broken, so the results cannot be trusted.";
	}

	private static String treatmentWins(ExperimentDesign design, Metric metric, Comparison best) {
		Inference inference = best.inference(design.method());
		return "'" + best.variant() + "' wins on " + metric.name() + ": " + value(metric, best.treatment().mean())
				+ " against " + value(metric, best.control().mean()) + " for '" + design.control() + "'"
				+ lift(design, best, inference) + ".";
	}

	private static String controlWins(ExperimentDesign design, Metric metric, List<Comparison> worse) {
		List<String> reasons = new ArrayList<>();
		for (Comparison comparison : worse) {
			reasons.add("'" + comparison.variant() + "' is worse: " + value(metric, comparison.treatment().mean())
					+ " against " + value(metric, comparison.control().mean())
					+ lift(design, comparison, comparison.inference(design.method())));
		}
		return "'" + design.control() + "' wins on " + metric.name()
				+ ": no treatment is better and " + String.join("; ", reasons) + ".";
	}

	private static String noDifference(ExperimentDesign design, Metric metric, SampleSize sampleSize) {
		String effect = percent(metric.minimumDetectableEffect());
		if (design.method() == AnalysisMethod.SEQUENTIAL) {
			return "No difference on " + metric.name() + ": every treatment's confidence sequence lies within ±"
					+ effect + " of '" + design.control() + "', so none differs by the minimum detectable effect.";
		}
		return "No difference on " + metric.name() + ": the planned " + count(sampleSize.requiredUsers())
				+ " users are reached and no treatment differs significantly from '" + design.control()
				+ "'; a change of " + effect + " or more would have been found with "
				+ percent(design.power()) + " power.";
	}

	private static String keepRunning(ExperimentDesign design, Metric metric, List<Comparison> comparisons,
			SampleSize sampleSize) {
		Long required = sampleSize.requiredUsers();
		String progress = (required != null)
				? count(sampleSize.users()) + " of " + count(required) + " planned users ("
						+ percent(sampleSize.progress()) + ")"
				: count(sampleSize.users()) + " users; the users needed are not known until '" + design.control()
						+ "' has a baseline";
		if (design.method() == AnalysisMethod.FIXED_HORIZON) {
			return "Keep running: the fixed-horizon test of " + metric.name()
					+ " may only be read once, at the planned sample size; " + progress + ".";
		}
		double smallest = comparisons.stream()
			.mapToDouble((comparison) -> comparison.sequential().adjustedPValue())
			.min()
			.orElse(1);
		return "Keep running: no treatment is decided against '" + design.control() + "' on " + metric.name()
				+ " yet (smallest sequential p = " + pValue(smallest) + "); " + progress + ".";
	}

	private static String lift(ExperimentDesign design, Comparison comparison, Inference inference) {
		String method = (design.method() == AnalysisMethod.SEQUENTIAL) ? "sequential" : "fixed-horizon";
		StringBuilder text = new StringBuilder();
		Double relative = comparison.relativeLift();
		Interval interval = inference.relative();
		text.append(", ");
		if (relative != null) {
			text.append("relative lift ").append(signedPercent(relative));
			if (interval != null) {
				text.append(" (").append(percent(1 - design.alpha())).append(" interval ")
					.append(signedPercent(interval.lower())).append(" to ").append(signedPercent(interval.upper()))
					.append(")");
			}
		}
		else {
			text.append("absolute lift ").append(signed(comparison.absoluteLift()));
		}
		return text.append(", ").append(method).append(" p = ").append(pValue(inference.adjustedPValue())).toString();
	}

	private static String value(Metric metric, double mean) {
		return (metric.kind() == MetricKind.BINOMIAL) ? decimals(mean * 100, 2) + "%" : significant(mean, 4);
	}

	private static String percent(@Nullable Double share) {
		double value = (share != null) ? share * 100 : 0;
		return ((value == Math.rint(value)) ? decimals(value, 0) : decimals(value, 1)) + "%";
	}

	private static String signedPercent(double share) {
		return ((share >= 0) ? "+" : "") + decimals(share * 100, 1) + "%";
	}

	private static String signed(double value) {
		return ((value >= 0) ? "+" : "") + significant(value, 4);
	}

	private static String pValue(double p) {
		return (p < 0.001) ? significant(p, 2) : decimals(p, 3);
	}

	private static String count(@Nullable Long users) {
		String digits = Long.toString((users != null) ? users : 0);
		StringBuilder grouped = new StringBuilder(digits);
		for (int i = digits.length() - 3; i > ((digits.charAt(0) == '-') ? 1 : 0); i -= 3) {
			grouped.insert(i, ',');
		}
		return grouped.toString();
	}

	// BigDecimal rather than String.format: explanations are built on every look, and formatting
	// is by far the slowest part of an analysis otherwise.
	private static String decimals(double value, int decimals) {
		return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
	}

	private static String significant(double value, int digits) {
		BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
		return (Math.abs(value) >= 1e-4 || value == 0) ? rounded.stripTrailingZeros().toPlainString()
				: rounded.toString();
	}

}
