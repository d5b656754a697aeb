package dev.flags.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.flags.core.registry.FlagRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Refreshes a {@link FlagRegistry} from its store at a fixed interval, on a daemon thread: the
 * backstop for changes a store did not announce. Stopped by {@link #close()}.
 */
public final class FlagRegistryRefresher implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(FlagRegistryRefresher.class);

	private final Duration interval;

	private final @Nullable ScheduledExecutorService executor;

	/**
	 * Creates the refresher and starts it.
	 * @param registry the registry to refresh
	 * @param interval the time between the end of one refresh and the start of the next; zero
	 * or negative for no refresh
	 */
	public FlagRegistryRefresher(FlagRegistry registry, Duration interval) {
		this(interval, registry::refresh);
	}

	/**
	 * Creates a refresher that runs the given refresh, and starts it.
	 * @param interval the time between the end of one run and the start of the next; zero or
	 * negative for none
	 * @param refresh what one run does
	 */
	FlagRegistryRefresher(Duration interval, Runnable refresh) {
		this.interval = interval;
		if (interval.isZero() || interval.isNegative()) {
			this.executor = null;
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "flags-refresh");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, interval.toMillis());
		this.executor.scheduleWithFixedDelay(() -> run(refresh), millis, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * The time between two refreshes.
	 * @return the interval; zero or negative when there is no periodic refresh
	 */
	public Duration interval() {
		return this.interval;
	}

	/**
	 * Whether refreshes are scheduled.
	 * @return true until closed, when an interval was given
	 */
	public boolean isRunning() {
		return this.executor != null && !this.executor.isShutdown();
	}

	/**
	 * Stops refreshing; a refresh under way is interrupted.
	 */
	@Override
	public void close() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	private static void run(Runnable refresh) {
		try {
			refresh.run();
		}
		catch (RuntimeException ex) {
			// An exception would cancel every later run; the registry keeps its last good snapshot.
			logger.warn("Flag refresh failed", ex);
		}
	}

}
