package dev.flags.spring.experiment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts exposures in Micrometer: {@value #METER}, tagged with {@code experiment} and
 * {@code variant}. Each unit is counted once per experiment and instance (while the exposure cache
 * remembers it), so the counter is close to the users exposed per variant since the start.
 */
public final class ExposureMetrics implements ExposureListener {

	/** The counter's name. */
	public static final String METER = "flags.experiment.exposures";

	private final MeterRegistry registry;

	/**
	 * Creates the metrics.
	 * @param registry the registry to count in
	 */
	public ExposureMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onExposure(ExposureEvent event) {
		Counter.builder(METER)
			.description("Units exposed to a variant of an experiment, once per unit and instance")
			.tag("experiment", event.experiment())
			.tag("variant", event.variant())
			.register(this.registry)
			.increment();
	}

}
