package dev.flags.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The behaviour every {@link ResultsStore} shares.
 */
abstract class AbstractResultsStoreTests {

	static final ExperimentDesign DESIGN = ExperimentDesign.of("control",
			Map.of("control", 50.0, "treatment", 50.0), Metric.binomial("subscribed", 0.1),
			Metric.continuous("revenue", 0.1));

	abstract ResultsStore store();

	@Test
	void aUnitIsExposedOnceToTheVariantItFirstGot() {
		ResultsStore store = store();
		assertThat(store.recordExposure("pricing", "u1", "control")).isTrue();
		assertThat(store.recordExposure("pricing", "u1", "control")).isFalse();
		assertThat(store.recordExposure("pricing", "u1", "treatment")).isFalse();
		assertThat(store.recordExposure("pricing", "u2", "treatment")).isTrue();
		assertThat(store.tally("pricing").users()).containsOnly(Map.entry("control", 1L), Map.entry("treatment", 1L));
		assertThat(store.recordEvent("pricing", "u1", "revenue", MetricKind.CONTINUOUS, 5)).isTrue();
		assertThat(store.tally("pricing").sums().get("revenue")).containsOnlyKeys("control");
	}

	@Test
	void aBinomialMetricCountsAUserOnceHoweverManyEvents() {
		ResultsStore store = store();
		store.recordExposure("pricing", "u1", "treatment");
		store.recordExposure("pricing", "u2", "treatment");
		store.recordEvent("pricing", "u1", "subscribed", MetricKind.BINOMIAL, 1);
		store.recordEvent("pricing", "u1", "subscribed", MetricKind.BINOMIAL, 1);
		ExperimentData data = store.tally("pricing").data(DESIGN);
		assertThat(data.statistics("subscribed", "treatment")).isEqualTo(VariantStatistics.ofConversions(2, 1));
		assertThat(data.statistics("subscribed", "control")).isEqualTo(VariantStatistics.EMPTY);
	}

	@Test
	void aContinuousMetricSumsEachUsersEvents() {
		ResultsStore store = store();
		store.recordExposure("pricing", "u1", "control");
		store.recordExposure("pricing", "u2", "control");
		store.recordExposure("pricing", "u3", "control");
		store.recordEvent("pricing", "u1", "revenue", MetricKind.CONTINUOUS, 10);
		store.recordEvent("pricing", "u1", "revenue", MetricKind.CONTINUOUS, 5);
		store.recordEvent("pricing", "u2", "revenue", MetricKind.CONTINUOUS, 3);
		// Per user: 15, 3 and 0 (u3 bought nothing), never the events 10, 5, 3.
		assertThat(store.tally("pricing").data(DESIGN).statistics("revenue", "control"))
			.isEqualTo(VariantStatistics.ofValues(15, 3, 0));
	}

	@Test
	void eventsOfUnitsNeverExposedAreNotCounted() {
		ResultsStore store = store();
		assertThat(store.recordEvent("pricing", "stranger", "subscribed", MetricKind.BINOMIAL, 1)).isFalse();
		store.recordExposure("pricing", "u1", "control");
		assertThat(store.recordEvent("pricing", "stranger", "revenue", MetricKind.CONTINUOUS, 9)).isFalse();
		assertThat(store.recordEvent("pricing", "u1", "revenue", MetricKind.CONTINUOUS, 9)).isTrue();
		assertThat(store.tally("pricing").totalUsers()).isEqualTo(1);
		assertThat(store.tally("pricing").data(DESIGN).statistics("revenue", "control"))
			.isEqualTo(VariantStatistics.ofValues(9));
		assertThat(store.tally("other").totalUsers()).isZero();
	}

	@Test
	void varianceIsExactlyTheVarianceAcrossUsers() {
		ResultsStore store = store();
		Random random = new Random(7);
		int users = 300;
		double[] values = new double[users];
		for (int i = 0; i < users; i++) {
			store.recordExposure("pricing", "u" + i, "treatment");
		}
		for (int event = 0; event < 2000; event++) {
			int user = random.nextInt(users);
			double amount = Math.round(random.nextDouble() * 10000) / 100.0 - 20;
			values[user] += amount;
			store.recordEvent("pricing", "u" + user, "revenue", MetricKind.CONTINUOUS, amount);
		}
		VariantStatistics stored = store.tally("pricing").data(DESIGN).statistics("revenue", "treatment");
		VariantStatistics direct = VariantStatistics.ofValues(values);
		assertThat(stored.users()).isEqualTo(users);
		assertThat(stored.sum()).isCloseTo(direct.sum(), within(1e-9 * Math.abs(direct.sumOfSquares())));
		assertThat(stored.sumOfSquares()).isCloseTo(direct.sumOfSquares(), within(1e-9 * direct.sumOfSquares()));
		assertThat(stored.sampleVariance()).isCloseTo(direct.sampleVariance(), within(1e-9 * direct.sampleVariance()));
	}

	@Test
	void concurrentEventsOfOneUserAreAllCounted() throws Exception {
		ResultsStore store = store();
		store.recordExposure("pricing", "u1", "control");
		store.recordExposure("pricing", "u2", "control");
		int threads = 4;
		int eventsPerThread = 250;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				done.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < eventsPerThread; i++) {
						store.recordEvent("pricing", "u1", "revenue", MetricKind.CONTINUOUS, 2);
						store.recordEvent("pricing", "u1", "subscribed", MetricKind.BINOMIAL, 1);
						store.recordExposure("pricing", "late-" + (i % 50), (i % 2 == 0) ? "control" : "treatment");
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		double total = 2.0 * threads * eventsPerThread;
		ExperimentTally tally = store.tally("pricing");
		assertThat(tally.totalUsers()).isEqualTo(52);
		ExperimentData data = tally.data(DESIGN);
		long controlUsers = tally.users().get("control");
		assertThat(data.statistics("revenue", "control")).isEqualTo(new VariantStatistics(controlUsers, total, total * total));
		assertThat(data.statistics("subscribed", "control")).isEqualTo(VariantStatistics.ofConversions(controlUsers, 1));
	}

	@Test
	void theSequentialStateKeepsTheSmallestPValuePerDesign() {
		ResultsStore store = store();
		assertThat(store.sequentialState("pricing", "a0.05-n5000")).isEqualTo(SequentialState.initial());
		SequentialState first = state(0.2, 0.5);
		assertThat(store.mergeSequentialState("pricing", "a0.05-n5000", first)).isEqualTo(first);
		SequentialState merged = store.mergeSequentialState("pricing", "a0.05-n5000", state(0.3, 0.1));
		assertThat(merged).isEqualTo(state(0.2, 0.1));
		assertThat(store.sequentialState("pricing", "a0.05-n5000")).isEqualTo(state(0.2, 0.1));
		assertThat(store.sequentialState("pricing", "a0.01-n5000")).isEqualTo(SequentialState.initial());
	}

	@Test
	void clearForgetsAnExperiment() {
		ResultsStore store = store();
		store.recordExposure("pricing", "u1", "control");
		store.recordExposure("other", "u1", "control");
		store.recordEvent("pricing", "u1", "subscribed", MetricKind.BINOMIAL, 1);
		store.mergeSequentialState("pricing", "a0.05-n5000", state(0.2, 0.5));
		store.clear("pricing");
		assertThat(store.tally("pricing")).isEqualTo(ExperimentTally.empty());
		assertThat(store.sequentialState("pricing", "a0.05-n5000")).isEqualTo(SequentialState.initial());
		assertThat(store.tally("other").totalUsers()).isEqualTo(1);
		assertThat(store.recordExposure("pricing", "u1", "treatment")).isTrue();
	}

	@Test
	void badEventsAreRefusedWithTheReason() {
		ResultsStore store = store();
		store.recordExposure("pricing", "u1", "control");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> store.recordEvent("pricing", "u1", "revenue", MetricKind.CONTINUOUS, Double.NaN))
			.withMessageContaining("'revenue'")
			.withMessageContaining("finite");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> store.recordEvent("pricing", "u1", "bad:name", MetricKind.BINOMIAL, 1))
			.withMessageContaining("'bad:name'");
		assertThat(store.tally("pricing").sums()).isEmpty();
	}

	static SequentialState state(double subscribed, double revenue) {
		return new SequentialState(Map.of("subscribed", Map.of("treatment", subscribed), "revenue",
				Map.of("treatment", revenue)));
	}

}
