package dev.flags.core.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analyses one metric: every treatment against the control by both methods, Holm's correction,
 * the sample ratio check, the sample size and the verdicts.
 */
final class MetricAnalysis {

	private MetricAnalysis() {
	}

	record Outcome(MetricResult result, SequentialState state) {
	}

	static Outcome analyze(ExperimentDesign design, Metric metric, Map<String, VariantStatistics> byVariant,
			SequentialState state) {
		String controlName = design.control();
		VariantStatistics control = byVariant.getOrDefault(controlName, VariantStatistics.EMPTY);
		ConfidenceSequence sequence = ConfidenceSequence.of(design.alpha(), design.tuningSampleSize());
		List<String> treatments = design.treatments();
		int m = treatments.size();
		Difference[] differences = new Difference[m];
		TestResult[] fixed = new TestResult[m];
		TestResult[] sequential = new TestResult[m];
		double[] fixedP = new double[m];
		double[] sequentialP = new double[m];
		SequentialState next = state;
		for (int i = 0; i < m; i++) {
			String name = treatments.get(i);
			VariantStatistics treatment = byVariant.getOrDefault(name, VariantStatistics.EMPTY);
			differences[i] = Difference.of(metric.kind(), controlName, control, name, treatment);
			fixed[i] = (metric.kind() == MetricKind.BINOMIAL)
					? TwoProportionTest.test(differences[i], control, treatment, design.alpha())
					: WelchTest.test(differences[i], design.alpha());
			TestResult look = sequence.test(differences[i]);
			next = next.withLook(metric.name(), name, look.pValue());
			sequential[i] = new TestResult(next.minimumPValue(metric.name(), name), look.absolute(), look.relative());
			fixedP[i] = fixed[i].pValue();
			sequentialP[i] = sequential[i].pValue();
		}
		double[] fixedAdjusted = HolmCorrection.adjust(fixedP);
		double[] sequentialAdjusted = HolmCorrection.adjust(sequentialP);

		Map<String, Long> users = new LinkedHashMap<>();
		long totalUsers = 0;
		for (String variant : design.weights().keySet()) {
			long count = byVariant.getOrDefault(variant, VariantStatistics.EMPTY).users();
			users.put(variant, count);
			totalUsers += count;
		}
		SampleRatioCheck sampleRatio = SampleRatioTest.check(design, users);
		SampleSize sampleSize = SampleSizeCalculation.of(design, metric, control, totalUsers);

		List<Comparison> comparisons = new ArrayList<>(m);
		for (int i = 0; i < m; i++) {
			Difference difference = differences[i];
			Inference fixedInference = fixed[i].adjusted(fixedAdjusted[i]);
			Inference sequentialInference = sequential[i].adjusted(sequentialAdjusted[i]);
			Inference deciding = (design.method() == AnalysisMethod.SEQUENTIAL) ? sequentialInference : fixedInference;
			Verdict verdict = sampleRatio.mismatch() ? Verdict.UNDECIDED
					: Decision.verdict(design, metric, difference, deciding, sampleSize);
			comparisons.add(new Comparison(treatments.get(i), difference.treatment(), difference.control(),
					difference.absolute(), difference.relative(), fixedInference, sequentialInference, verdict));
		}
		return new Outcome(Decision.result(design, metric, comparisons, sampleRatio, sampleSize), next);
	}

}
