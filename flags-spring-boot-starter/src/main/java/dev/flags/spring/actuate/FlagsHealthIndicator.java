package dev.flags.spring.actuate;

import java.time.Duration;
import java.time.Instant;

import dev.flags.core.registry.FlagRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports how fresh the flags are: {@code UP} while the registry reads its store, with the
 * number of flags, the store revision, the snapshot's age and the last successful read;
 * {@link #DEGRADED} while the store cannot be read or holds an invalid document, with the age
 * of the snapshot still served and the error.
 * <p>
 * Never {@code DOWN} or {@code OUT_OF_SERVICE}: while the store is away the application keeps
 * deciding from the last good snapshot, and taking the instance out of a load balancer would
 * turn a store outage into an application outage. {@code DEGRADED} is not in Spring Boot's
 * default status order, so it shows on this component without changing the aggregate status;
 * add it to {@code management.endpoint.health.status.order} to make it count.
 */
public final class FlagsHealthIndicator implements HealthIndicator {

	/** The store cannot be read; decisions come from the last good snapshot. */
	public static final Status DEGRADED = new Status("DEGRADED",
			"Flags are served from the last good snapshot while the store cannot be read");

	private final FlagRegistry registry;

	/**
	 * Creates the indicator.
	 * @param registry the registry to report on
	 */
	public FlagsHealthIndicator(FlagRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Health health() {
		FlagRegistry.Status status = this.registry.status();
		Health.Builder health = status.healthy() ? Health.up() : Health.status(DEGRADED);
		health.withDetail("flags", status.flags());
		Instant lastSuccess = status.lastSuccess();
		if (lastSuccess != null) {
			health.withDetail("revision", status.revision()).withDetail("lastSuccess", lastSuccess.toString());
		}
		Duration age = status.age();
		if (age != null) {
			health.withDetail("snapshotAge", age.toString());
		}
		if (!status.healthy()) {
			Instant lastFailure = status.lastFailure();
			if (lastFailure != null) {
				health.withDetail("lastFailure", lastFailure.toString());
			}
			String error = status.lastError();
			if (error != null) {
				health.withDetail("error", error);
			}
		}
		return health.build();
	}

}
