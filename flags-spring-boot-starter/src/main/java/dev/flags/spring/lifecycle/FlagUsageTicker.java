package dev.flags.spring.lifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.flags.core.lifecycle.FlagUsage;

/**
 * Moves the coarse clock of a {@link FlagUsage} once a second, on a daemon thread, so that
 * recording an evaluation never reads the time itself. Stopped by {@link #close()}.
 */
public final class FlagUsageTicker implements AutoCloseable {

	private final ScheduledExecutorService executor;

	/**
	 * Creates the ticker and starts it.
	 * @param usage the usage whose clock it moves
	 */
	public FlagUsageTicker(FlagUsage usage) {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "flags-usage-clock");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleAtFixedRate(usage::tick, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
