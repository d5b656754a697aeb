package dev.flags.core.experiment;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConfidenceSequenceTests {

	private final ConfidenceSequence sequence = ConfidenceSequence.of(0.05, 5000);

	@Test
	void rhoIsTunedByTheSampleSizeAtWhichADecisionIsExpected() {
		double a = -2 * Math.log(0.05);
		assertThat(this.sequence.rhoSquared()).isCloseTo((a + Math.log(a + 1)) / 5000, within(1e-18));
		assertThat(ConfidenceSequence.of(0.05, 20_000).rhoSquared()).isCloseTo(this.sequence.rhoSquared() / 4,
				within(1e-18));
	}

	@Test
	void pValueIsAlphaExactlyWhereTheSequenceTouchesZero() {
		for (long users : new long[] { 10, 100, 5000, 1_000_000 }) {
			double boundary = this.sequence.halfWidthInStandardErrors(users);
			assertThat(this.sequence.pValue(boundary, users)).isCloseTo(0.05, within(1e-12));
			assertThat(this.sequence.pValue(boundary * 1.01, users)).isLessThan(0.05);
			assertThat(this.sequence.pValue(boundary * 0.99, users)).isGreaterThan(0.05);
		}
	}

	@Test
	void sequenceIsWiderThanTheFixedHorizonIntervalAtEveryLook() {
		for (long users = 1; users <= 100_000_000L; users *= 3) {
			assertThat(this.sequence.halfWidthInStandardErrors(users)).isGreaterThan(1.96);
		}
	}

	@Test
	void sequenceIsTightestNearTheTuningSampleSize() {
		double tuned = width(ConfidenceSequence.of(0.05, 5000), 5000);
		assertThat(tuned).isLessThan(width(ConfidenceSequence.of(0.05, 1000), 5000));
		assertThat(tuned).isLessThan(width(ConfidenceSequence.of(0.05, 25_000), 5000));
	}

	@Test
	void reportedSequentialPValueNeverRisesBetweenLooks() {
		ExperimentDesign design = ExperimentDesign.of("control", Map.of("control", 50.0, "treatment", 50.0),
				Metric.binomial("conversion", 0.05));
		SequentialState state = SequentialState.initial();
		// A strong early effect that fades: the running minimum keeps the strongest evidence.
		long[][] looks = { { 1000, 100, 1000, 150 }, { 2000, 200, 2000, 240 }, { 4000, 400, 4000, 420 },
				{ 8000, 800, 8000, 800 } };
		double previous = 1;
		double firstLook = 0;
		for (long[] look : looks) {
			ExperimentResult result = ExperimentAnalysis.analyze(design,
					Map.of("control", VariantStatistics.ofConversions(look[0], look[1]), "treatment",
							VariantStatistics.ofConversions(look[2], look[3])),
					state);
			state = result.sequentialState();
			double p = result.primary().comparison("treatment").sequential().pValue();
			if (firstLook == 0) {
				firstLook = p;
			}
			assertThat(p).isLessThanOrEqualTo(previous);
			assertThat(state.minimumPValue("conversion", "treatment")).isEqualTo(p);
			previous = p;
		}
		assertThat(previous).isEqualTo(firstLook);
		assertThat(firstLook).isLessThan(0.05);
	}

	private static double width(ConfidenceSequence sequence, long users) {
		return sequence.halfWidthInStandardErrors(users);
	}

}
