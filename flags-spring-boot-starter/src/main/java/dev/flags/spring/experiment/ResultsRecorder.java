package dev.flags.spring.experiment;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.flags.core.experiment.Exposure;
import dev.flags.core.experiment.MetricKind;
import dev.flags.core.experiment.ResultsStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Writes exposures and metric events to a {@link ResultsStore}, on the caller's thread or on one
 * thread of its own. A store in memory is written directly; a store across the network is
 * written from a bounded queue, so the thread that evaluates a flag or tracks an event never waits
 * for I/O. One thread keeps the order of one instance's writes: a user's exposure reaches the store
 * before the conversions that follow it. When the queue is full, records are dropped and counted
 * rather than blocking the caller. A store failure never reaches the caller: it is logged (once
 * until the store works again) and counted.
 * <p>
 * As a Spring bean it writes what is queued when the context stops, in phase {@link #PHASE}:
 * after the web server stopped taking requests, before connection factories (phase 0) close.
 */
public final class ResultsRecorder implements AutoCloseable, SmartLifecycle {

	/**
	 * The lifecycle phase in which the queue is written out on shutdown.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(ResultsRecorder.class);

	private final ResultsStore store;

	private final @Nullable ExecutorService executor;

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicBoolean failing = new AtomicBoolean();

	private ResultsRecorder(ResultsStore store, @Nullable ExecutorService executor) {
		this.store = store;
		this.executor = executor;
	}

	/**
	 * A recorder that writes on the caller's thread: for stores in memory.
	 * @param store the store
	 * @return the recorder
	 */
	public static ResultsRecorder direct(ResultsStore store) {
		return new ResultsRecorder(store, null);
	}

	/**
	 * A recorder that writes from a queue on a thread of its own: for stores across the network.
	 * @param store the store
	 * @param capacity how many records may wait; more are dropped
	 * @return the recorder
	 */
	public static ResultsRecorder queued(ResultsStore store, int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("the queue capacity must be at least 1, but was " + capacity);
		}
		ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(capacity), (task) -> {
					Thread thread = new Thread(task, "flags-experiment-results");
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		return new ResultsRecorder(store, executor);
	}

	/**
	 * The store written to.
	 * @return the store
	 */
	public ResultsStore store() {
		return this.store;
	}

	/**
	 * Records an exposure.
	 * @param exposure the exposure
	 */
	public void exposure(Exposure exposure) {
		submit(() -> this.store.recordExposure(exposure.experiment(), exposure.unit(), exposure.variant()));
	}

	/**
	 * Records a metric event.
	 * @param experiment the experiment's flag key
	 * @param unit the unit
	 * @param metric the metric
	 * @param kind the metric's kind
	 * @param value the event's value
	 */
	public void event(String experiment, String unit, String metric, MetricKind kind, double value) {
		submit(() -> this.store.recordEvent(experiment, unit, metric, kind, value));
	}

	/**
	 * How many records were dropped because the queue was full.
	 * @return the count
	 */
	public long dropped() {
		return this.dropped.get();
	}

	/**
	 * How many records the store failed to write.
	 * @return the count
	 */
	public long failed() {
		return this.failed.get();
	}

	/**
	 * Writes what is queued, waiting up to ten seconds, and stops the thread.
	 */
	@Override
	public void close() {
		if (this.executor == null) {
			return;
		}
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(10, TimeUnit.SECONDS)) {
				logger.warn("Experiment results still queued after 10 seconds were not written");
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.executor.shutdownNow();
		}
	}

	@Override
	public void start() {
		// Ready from construction on.
	}

	@Override
	public void stop() {
		close();
	}

	@Override
	public boolean isRunning() {
		return this.executor == null || !this.executor.isShutdown();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void submit(Runnable write) {
		if (this.executor == null) {
			write(write);
			return;
		}
		try {
			this.executor.execute(() -> write(write));
		}
		catch (RejectedExecutionException ex) {
			long count = this.dropped.incrementAndGet();
			// At powers of two: the log shows that drops go on, without a line per record.
			if (Long.bitCount(count) == 1) {
				logger.warn("Experiment results queue is full or closed: " + count
						+ " record(s) dropped so far; the store is too slow or unreachable");
			}
		}
	}

	private void write(Runnable write) {
		try {
			write.run();
			if (this.failing.get() && this.failing.compareAndSet(true, false)) {
				logger.info("Experiment results store works again after " + this.failed.get() + " failed write(s)");
			}
		}
		catch (RuntimeException ex) {
			this.failed.incrementAndGet();
			if (this.failing.compareAndSet(false, true)) {
				logger.warn("Could not write to the experiment results store; further failures are not logged until"
						+ " it works again", ex);
			}
		}
	}

}
