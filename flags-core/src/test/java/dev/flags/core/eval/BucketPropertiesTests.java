package dev.flags.core.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.FlagKind;
import dev.flags.core.model.Variant;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Tests for the properties of bucketing that spec §3 promises, over 100 000 generated users: a
 * user's bucket is stable, raising a rollout only adds users, shares and variants follow the
 * percentages, buckets are uniform, flags are independent, and ramping an experiment never moves
 * a user between variants. The users are generated from a fixed seed, so the outcome is the same
 * on every run; the statistical tests use a significance level of 0.001.
 */
class BucketPropertiesTests {

	private static final int USERS = 100_000;

	private static final double SIGNIFICANCE = 0.001;

	private static final List<FlagContext> CONTEXTS = users();

	@Test
	void bucketOfAUserNeverChanges() {
		Definitions definitions = definitions(Flag.builder("stable").rollout(30).build());
		FlagSnapshot snapshot = FlagSnapshot.of(definitions);
		boolean[] first = admitted(snapshot, "stable");
		boolean[] again = admitted(snapshot, "stable");
		boolean[] recompiled = admitted(FlagSnapshot.of(definitions), "stable");
		boolean[] reread = admitted(FlagSnapshot.of(DefinitionsCodec.read(DefinitionsCodec.write(definitions))), "stable");
		assertThat(again).isEqualTo(first);
		assertThat(recompiled).isEqualTo(first);
		assertThat(reread).isEqualTo(first);
		boolean[] expected = new boolean[USERS];
		for (int i = 0; i < USERS; i++) {
			expected[i] = Murmur3.bucket("stable:" + CONTEXTS.get(i).key()) < 30_000;
		}
		assertThat(first).isEqualTo(expected);
	}

	@Test
	void raisingARolloutKeepsEveryoneWhoHadIt() {
		double[] steps = { 0.001, 1, 5, 25, 50, 99.999, 100 };
		boolean[] previous = new boolean[USERS];
		for (double step : steps) {
			boolean[] current = admitted(FlagSnapshot.of(definitions(Flag.builder("ramp").rollout(step).build())), "ramp");
			int lost = 0;
			for (int i = 0; i < USERS; i++) {
				lost += (previous[i] && !current[i]) ? 1 : 0;
			}
			assertThat(lost).as("users lost at %s %%", step).isZero();
			previous = current;
		}
		assertThat(count(previous)).isEqualTo(USERS);
	}

	@Test
	void shareAdmittedIsWithinSamplingErrorOfTheRollout() {
		for (double percent : new double[] { 0.1, 1, 5, 25, 33.333, 50, 90 }) {
			Flag flag = Flag.builder("share").rollout(percent).build();
			int admitted = count(admitted(FlagSnapshot.of(definitions(flag)), "share"));
			double p = percent / 100;
			double expected = USERS * p;
			double standardError = Math.sqrt(USERS * p * (1 - p));
			assertThat((double) admitted).as("%s %%", percent).isCloseTo(expected, offset(4.5 * standardError));
		}
	}

	@Test
	void bucketsAreUniform() {
		for (String salt : new String[] { "uniform", "new-checkout", "gr1" }) {
			long[] bins = new long[100];
			for (FlagContext context : CONTEXTS) {
				bins[Murmur3.bucket(salt + ":" + context.key()) / 1000]++;
			}
			double[] expected = new double[100];
			Arrays.fill(expected, USERS / 100.0);
			assertThat(chiSquare(bins, expected)).as(salt).isLessThan(critical(99));
		}
	}

	@Test
	void admissionsOfTwoFlagsAreIndependent() {
		FlagSnapshot snapshot = FlagSnapshot.of(Definitions.of(
				List.of(Flag.builder("first").rollout(50).build(), Flag.builder("second").rollout(30).build()), List.of()));
		boolean[] first = admitted(snapshot, "first");
		boolean[] second = admitted(snapshot, "second");
		long[][] table = new long[2][2];
		for (int i = 0; i < USERS; i++) {
			table[first[i] ? 1 : 0][second[i] ? 1 : 0]++;
		}
		double statistic = 0;
		for (int row = 0; row < 2; row++) {
			for (int column = 0; column < 2; column++) {
				double expected = (double) (table[row][0] + table[row][1]) * (table[0][column] + table[1][column]) / USERS;
				statistic += Math.pow(table[row][column] - expected, 2) / expected;
			}
		}
		assertThat(statistic).isLessThan(critical(1));
		assertThat(table[1][1]).isPositive();
	}

	@Test
	void variantSharesFollowTheirWeights() {
		Flag flag = Flag.builder("experiment")
			.kind(FlagKind.EXPERIMENT)
			.rollout(100)
			.variants(Variant.of("small", 10), Variant.of("never", 0), Variant.of("medium", 30), Variant.of("large", 60))
			.build();
		FlagSnapshot snapshot = FlagSnapshot.of(definitions(flag));
		long[] counts = new long[4];
		List<String> names = List.of("small", "never", "medium", "large");
		for (FlagContext context : CONTEXTS) {
			counts[names.indexOf(snapshot.evaluate("experiment", context).variant())]++;
		}
		assertThat(counts[1]).isZero();
		long[] served = { counts[0], counts[2], counts[3] };
		double[] expected = { USERS * 0.1, USERS * 0.3, USERS * 0.6 };
		assertThat(chiSquare(served, expected)).isLessThan(critical(2));
	}

	@Test
	void rampingAnExperimentNeverMovesAUserBetweenVariants() {
		Flag.Builder experiment = Flag.builder("ramped")
			.kind(FlagKind.EXPERIMENT)
			.variants(Variant.of("control", 50), Variant.of("treatment", 50));
		String[] previous = new String[USERS];
		for (double rollout : new double[] { 10, 50, 100 }) {
			FlagSnapshot snapshot = FlagSnapshot.of(definitions(experiment.rollout(rollout).build()));
			String[] current = new String[USERS];
			int moved = 0;
			for (int i = 0; i < USERS; i++) {
				Evaluation evaluation = snapshot.evaluate("ramped", CONTEXTS.get(i));
				current[i] = evaluation.variant();
				moved += (evaluation.enabled() != (current[i] != null)) ? 1 : 0;
				moved += (previous[i] != null && !previous[i].equals(current[i])) ? 1 : 0;
			}
			assertThat(moved).as("users moved or dropped at %s %%", rollout).isZero();
			previous = current;
		}
		assertThat(previous).doesNotContainNull();
	}

	private static List<FlagContext> users() {
		Random random = new Random(20261129);
		FlagContext[] users = new FlagContext[USERS];
		for (int i = 0; i < USERS; i++) {
			users[i] = FlagContext.of("user-" + new UUID(random.nextLong(), random.nextLong()));
		}
		return List.of(users);
	}

	private static Definitions definitions(Flag flag) {
		return Definitions.of(List.of(flag), List.of());
	}

	private static boolean[] admitted(FlagSnapshot snapshot, String flag) {
		boolean[] admitted = new boolean[USERS];
		for (int i = 0; i < USERS; i++) {
			admitted[i] = snapshot.isEnabled(flag, CONTEXTS.get(i));
		}
		return admitted;
	}

	private static int count(boolean[] values) {
		int count = 0;
		for (boolean value : values) {
			count += value ? 1 : 0;
		}
		return count;
	}

	private static double chiSquare(long[] observed, double[] expected) {
		double statistic = 0;
		for (int i = 0; i < observed.length; i++) {
			statistic += Math.pow(observed[i] - expected[i], 2) / expected[i];
		}
		return statistic;
	}

	private static double critical(int degreesOfFreedom) {
		return ChiSquaredDistribution.of(degreesOfFreedom).inverseSurvivalProbability(SIGNIFICANCE);
	}

}
