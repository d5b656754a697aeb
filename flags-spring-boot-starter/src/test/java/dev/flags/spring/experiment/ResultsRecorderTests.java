package dev.flags.spring.experiment;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.flags.core.experiment.ExperimentTally;
import dev.flags.core.experiment.Exposure;
import dev.flags.core.experiment.InMemoryResultsStore;
import dev.flags.core.experiment.MetricKind;
import dev.flags.core.experiment.ResultsStore;
import dev.flags.core.experiment.SequentialState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResultsRecorder}.
 */
class ResultsRecorderTests {

	@Test
	void aQueuedRecorderKeepsTheOrderOfWritesAndDrainsOnClose() {
		InMemoryResultsStore store = new InMemoryResultsStore();
		ResultsRecorder recorder = ResultsRecorder.queued(store, 1000);
		for (int i = 0; i < 100; i++) {
			recorder.exposure(new Exposure("pricing", "u" + i, "control"));
			recorder.event("pricing", "u" + i, "subscribed", MetricKind.BINOMIAL, 1);
		}
		recorder.close();
		// Every conversion followed its exposure, so none was lost to a race.
		assertThat(store.tally("pricing").sums().get("subscribed").get("control").sum()).isEqualTo(100);
		assertThat(recorder.dropped()).isZero();
	}

	@Test
	void aFullQueueDropsAndCountsRatherThanBlocking() throws Exception {
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ResultsStore blocked = new StoreStub() {

			@Override
			public boolean recordExposure(String experiment, String unit, String variant) {
				writing.countDown();
				await(release);
				return true;
			}

		};
		ResultsRecorder recorder = ResultsRecorder.queued(blocked, 2);
		recorder.exposure(new Exposure("pricing", "u0", "control"));
		assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
		for (int i = 1; i <= 5; i++) {
			recorder.exposure(new Exposure("pricing", "u" + i, "control"));
		}
		assertThat(recorder.dropped()).isEqualTo(3);
		release.countDown();
		recorder.close();
	}

	@Test
	void aFailingStoreNeverReachesTheCaller() {
		ResultsStore failing = new StoreStub() {

			@Override
			public boolean recordExposure(String experiment, String unit, String variant) {
				throw new IllegalStateException("store down");
			}

		};
		ResultsRecorder recorder = ResultsRecorder.direct(failing);
		recorder.exposure(new Exposure("pricing", "u1", "control"));
		recorder.exposure(new Exposure("pricing", "u2", "control"));
		assertThat(recorder.failed()).isEqualTo(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A store that records nothing; tests override what they need. */
	private static class StoreStub implements ResultsStore {

		@Override
		public boolean recordExposure(String experiment, String unit, String variant) {
			return false;
		}

		@Override
		public boolean recordEvent(String experiment, String unit, String metric, MetricKind kind, double value) {
			return false;
		}

		@Override
		public ExperimentTally tally(String experiment) {
			return ExperimentTally.empty();
		}

		@Override
		public SequentialState sequentialState(String experiment, String design) {
			return SequentialState.initial();
		}

		@Override
		public SequentialState mergeSequentialState(String experiment, String design, SequentialState state) {
			return state;
		}

		@Override
		public void clear(String experiment) {
		}

	}

}
