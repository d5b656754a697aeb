package dev.flags.spring.actuate;

import java.util.function.Supplier;

import dev.flags.core.lifecycle.LifecycleReport;
import dev.flags.core.model.FlagKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The gauge {@value #STALE}: how many flags are due for removal, tagged {@code kind} with each
 * temporary kind ({@code release}, {@code experiment}). Permanent kinds are never stale, so
 * they have no gauge. Each read makes a fresh report.
 */
public final class StaleFlagMetrics implements MeterBinder {

	/** The name of the gauge. */
	public static final String STALE = "flags.stale";

	private final Supplier<LifecycleReport> reports;

	/**
	 * Creates the metrics.
	 * @param reports makes a lifecycle report of the flags now
	 */
	public StaleFlagMetrics(Supplier<LifecycleReport> reports) {
		this.reports = reports;
	}

	@Override
	public void bindTo(MeterRegistry meterRegistry) {
		for (FlagKind kind : FlagKind.values()) {
			if (kind.isTemporary()) {
				Gauge.builder(STALE, this.reports, (reports) -> reports.get().staleCount(kind))
					.description("Temporary flags due for removal, by kind")
					.tag("kind", kind.json())
					.register(meterRegistry);
			}
		}
	}

}
