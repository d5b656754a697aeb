package dev.flags.spring.actuate;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.registry.FlagRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagRegistryMetrics}.
 */
class FlagRegistryMetricsTests {

	private final FailingFlagStore store = new FailingFlagStore(
			Definitions.of(List.of(Flag.builder("payments").rollout(100).build()), List.of()));

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	@Test
	void measuresTheSnapshotReloadsAndStoreErrors() {
		try (FlagRegistry registry = new FlagRegistry(this.store);
				FlagRegistryMetrics metrics = new FlagRegistryMetrics(registry)) {
			metrics.bindTo(this.meterRegistry);
			assertThat(gauge(FlagRegistryMetrics.FLAGS)).isEqualTo(1);
			assertThat(counter(FlagRegistryMetrics.RELOADS)).isZero();
			assertThat(counter(FlagRegistryMetrics.STORE_ERRORS)).isZero();
			assertThat(this.meterRegistry.get(FlagRegistryMetrics.SNAPSHOT_AGE)
				.timeGauge()
				.value(TimeUnit.MILLISECONDS)).isNotNaN()
				.isGreaterThanOrEqualTo(0);

			registry.save(Flag.builder("search").build(), 0);
			assertThat(gauge(FlagRegistryMetrics.FLAGS)).isEqualTo(2);
			assertThat(counter(FlagRegistryMetrics.RELOADS)).isEqualTo(1);

			this.store.fail("connection refused");
			registry.refresh();
			registry.refresh();
			assertThat(counter(FlagRegistryMetrics.STORE_ERRORS)).isEqualTo(2);
			assertThat(gauge(FlagRegistryMetrics.FLAGS)).isEqualTo(2);

			this.store.recover();
			registry.refresh();
			assertThat(counter(FlagRegistryMetrics.STORE_ERRORS)).isEqualTo(2);
			assertThat(counter(FlagRegistryMetrics.RELOADS)).isEqualTo(1);
		}
	}

	@Test
	void closedMetricsNoLongerCountReloads() {
		try (FlagRegistry registry = new FlagRegistry(this.store)) {
			FlagRegistryMetrics metrics = new FlagRegistryMetrics(registry);
			metrics.bindTo(this.meterRegistry);
			metrics.close();
			registry.save(Flag.builder("search").build(), 0);
			assertThat(counter(FlagRegistryMetrics.RELOADS)).isZero();
		}
	}

	private double gauge(String name) {
		return this.meterRegistry.get(name).gauge().value();
	}

	private double counter(String name) {
		return this.meterRegistry.get(name).functionCounter().count();
	}

}
