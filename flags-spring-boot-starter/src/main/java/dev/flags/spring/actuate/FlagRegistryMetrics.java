package dev.flags.spring.actuate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Metrics of a {@link FlagRegistry}: {@value #FLAGS} (gauge), {@value #SNAPSHOT_AGE} (time
 * gauge: since the store was last read successfully), {@value #RELOADS} (counter: new snapshots
 * installed) and {@value #STORE_ERRORS} (counter: failed reads of the store). Close it to stop
 * counting reloads.
 */
public final class FlagRegistryMetrics implements MeterBinder, AutoCloseable {

	/** The name of the gauge of the number of flags. */
	public static final String FLAGS = "flags.count";

	/** The name of the time gauge of the snapshot's age. */
	public static final String SNAPSHOT_AGE = "flags.snapshot.age";

	/** The name of the counter of snapshot reloads. */
	public static final String RELOADS = "flags.snapshot.reloads";

	/** The name of the counter of failed store reads. */
	public static final String STORE_ERRORS = "flags.store.errors";

	private final FlagRegistry registry;

	private final AtomicLong reloads = new AtomicLong();

	private final FlagStore.Subscription subscription;

	/**
	 * Creates the metrics and starts counting reloads.
	 * @param registry the registry to measure
	 */
	public FlagRegistryMetrics(FlagRegistry registry) {
		this.registry = registry;
		this.subscription = registry.onSnapshot((snapshot) -> this.reloads.incrementAndGet());
	}

	@Override
	public void bindTo(MeterRegistry meterRegistry) {
		Gauge.builder(FLAGS, this.registry, (registry) -> registry.snapshot().size())
			.description("Flags in the snapshot decisions are read from")
			.register(meterRegistry);
		TimeGauge.builder(SNAPSHOT_AGE, this.registry, TimeUnit.MILLISECONDS, FlagRegistryMetrics::ageMillis)
			.description("Time since the snapshot was last confirmed by a successful read of the store")
			.register(meterRegistry);
		FunctionCounter.builder(RELOADS, this.reloads, AtomicLong::get)
			.description("New snapshots installed after a change in the store")
			.register(meterRegistry);
		FunctionCounter.builder(STORE_ERRORS, this.registry, FlagRegistry::failures)
			.description("Failed reads of the store: unreachable, or an invalid or suspiciously empty document")
			.register(meterRegistry);
	}

	@Override
	public void close() {
		this.subscription.close();
	}

	private static double ageMillis(FlagRegistry registry) {
		Duration age = registry.status().age();
		return (age != null) ? age.toMillis() : Double.NaN;
	}

}
