package dev.flags.core.experiment;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulated experiments with a fixed seed: the sequential test keeps its false-positive rate
 * however often it is looked at, the naive fixed-horizon test does not, and a broken split is
 * caught. The measured rates are printed on one line.
 */
class ExperimentSimulationTests {

	private static final long SEED = 20240601L;

	private static final int EXPERIMENTS = 2000;

	private static final int POWER_EXPERIMENTS = 500;

	private static final int USERS = 5000;

	private static final int LOOK_EVERY = 100;

	private static final double BASE_RATE = 0.10;

	private static final double TREATED_RATE = 0.13;

	private static final ExperimentDesign DESIGN = ExperimentDesign.of("control",
			Map.of("control", 50.0, "treatment", 50.0), Metric.binomial("conversion", 0.05));

	@Test
	void sequentialTestStaysValidUnderPeekingWhileTheNaiveTestDoesNot() {
		SplittableRandom random = new SplittableRandom(SEED);
		Rejections aa = simulate(random, EXPERIMENTS, BASE_RATE, BASE_RATE);
		Rejections effect = simulate(random, POWER_EXPERIMENTS, BASE_RATE, TREATED_RATE);
		double srmDetected = sampleRatioMismatchDetection(random, 200, 20_000, 0.52);
		System.out.println(String.format(Locale.ROOT,
				"Simulation (seed %d): %d A/A experiments looked at every %d users up to %d: sequential false-positive"
						+ " rate %.2f%%, naive fixed-horizon test peeked the same way %.2f%%, fixed-horizon read once"
						+ " at the end %.2f%%, SRM false alarms %.2f%%; %d experiments with %.1f%% -> %.1f%%: sequential"
						+ " power %.1f%%, fixed-horizon power at %d users %.1f%%; SRM of a 52/48 split at 20000 users"
						+ " caught in %.1f%% of 200",
				SEED, EXPERIMENTS, LOOK_EVERY, USERS, 100 * aa.sequential(), 100 * aa.naive(), 100 * aa.atEnd(),
				100 * aa.sampleRatio(), POWER_EXPERIMENTS, 100 * BASE_RATE, 100 * TREATED_RATE,
				100 * effect.sequential(), USERS, 100 * effect.atEnd(), 100 * srmDetected));
		assertThat(aa.sequential()).as("sequential false-positive rate under peeking").isLessThanOrEqualTo(0.05);
		assertThat(aa.naive()).as("naive peeking false-positive rate").isGreaterThan(2 * 0.05);
		assertThat(aa.atEnd()).as("fixed-horizon false-positive rate read once").isBetween(0.03, 0.07);
		assertThat(effect.sequential()).as("sequential power").isGreaterThan(0.5);
		assertThat(effect.atEnd()).as("fixed-horizon power").isGreaterThan(effect.sequential() - 0.05);
		assertThat(srmDetected).as("SRM detection of a 52/48 split").isGreaterThanOrEqualTo(0.95);
	}

	private static Rejections simulate(SplittableRandom random, int experiments, double controlRate,
			double treatmentRate) {
		int sequential = 0;
		int naive = 0;
		int atEnd = 0;
		int sampleRatio = 0;
		for (int experiment = 0; experiment < experiments; experiment++) {
			long[] users = new long[2];
			long[] converted = new long[2];
			SequentialState state = SequentialState.initial();
			boolean naiveRejected = false;
			ExperimentResult result = null;
			for (int user = 1; user <= USERS; user++) {
				int arm = random.nextBoolean() ? 1 : 0;
				users[arm]++;
				if (random.nextDouble() < ((arm == 1) ? treatmentRate : controlRate)) {
					converted[arm]++;
				}
				if (user % LOOK_EVERY == 0) {
					result = ExperimentAnalysis.analyze(DESIGN,
							Map.of("control", VariantStatistics.ofConversions(users[0], converted[0]), "treatment",
									VariantStatistics.ofConversions(users[1], converted[1])),
							state);
					state = result.sequentialState();
					naiveRejected |= result.primary().comparison("treatment").fixedHorizon().pValue() < DESIGN.alpha();
				}
			}
			Comparison last = result.primary().comparison("treatment");
			// The running minimum makes the last look's sequential p-value the smallest of all looks.
			sequential += (last.sequential().pValue() < DESIGN.alpha()) ? 1 : 0;
			naive += naiveRejected ? 1 : 0;
			atEnd += (last.fixedHorizon().pValue() < DESIGN.alpha()) ? 1 : 0;
			sampleRatio += result.primary().sampleRatio().mismatch() ? 1 : 0;
		}
		return new Rejections((double) sequential / experiments, (double) naive / experiments,
				(double) atEnd / experiments, (double) sampleRatio / experiments);
	}

	private static double sampleRatioMismatchDetection(SplittableRandom random, int experiments, int users,
			double controlShare) {
		int detected = 0;
		for (int experiment = 0; experiment < experiments; experiment++) {
			long control = 0;
			for (int user = 0; user < users; user++) {
				control += (random.nextDouble() < controlShare) ? 1 : 0;
			}
			ExperimentResult result = ExperimentAnalysis.analyze(DESIGN,
					Map.of("control", VariantStatistics.ofConversions(control, 0), "treatment",
							VariantStatistics.ofConversions(users - control, 0)),
					SequentialState.initial());
			if (result.status() == Status.INVALID) {
				detected++;
			}
		}
		return (double) detected / experiments;
	}

	private record Rejections(double sequential, double naive, double atEnd, double sampleRatio) {
	}

}
