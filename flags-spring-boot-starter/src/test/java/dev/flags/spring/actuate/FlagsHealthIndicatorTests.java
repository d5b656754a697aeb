package dev.flags.spring.actuate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.registry.FlagRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagsHealthIndicator}.
 */
class FlagsHealthIndicatorTests {

	private static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");

	private final FailingFlagStore store = new FailingFlagStore(
			Definitions.of(List.of(Flag.builder("payments").rollout(100).build(), Flag.builder("search").build()),
					List.of()));

	@Test
	void upWithTheSnapshotsDetailsWhileTheStoreAnswers() {
		try (FlagRegistry registry = new FlagRegistry(this.store, null, Clock.fixed(NOW, ZoneOffset.UTC))) {
			Health health = new FlagsHealthIndicator(registry).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("flags", 2)
				.containsEntry("revision", registry.status().revision())
				.containsEntry("lastSuccess", "2026-11-01T09:00:00Z")
				.containsEntry("snapshotAge", "PT0S")
				.doesNotContainKeys("error", "lastFailure");
		}
	}

	@Test
	void degradedWithTheAgeAndErrorWhileTheStoreIsUnreachable() {
		try (FlagRegistry registry = new FlagRegistry(this.store, null, Clock.fixed(NOW, ZoneOffset.UTC))) {
			this.store.fail("connection refused");
			registry.refresh();
			Health health = new FlagsHealthIndicator(registry).health();
			assertThat(health.getStatus()).isEqualTo(FlagsHealthIndicator.DEGRADED);
			assertThat(health.getStatus()).isNotIn(Status.DOWN, Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("flags", 2)
				.containsEntry("snapshotAge", "PT0S")
				.containsEntry("lastFailure", "2026-11-01T09:00:00Z")
				.containsEntry("error", "FlagStoreException: connection refused");
			assertThat(registry.snapshot().isEnabled("payments", FlagContext.of("user-1"))).isTrue();

			this.store.recover();
			registry.refresh();
			assertThat(new FlagsHealthIndicator(registry).health().getStatus()).isEqualTo(Status.UP);
		}
	}

}
