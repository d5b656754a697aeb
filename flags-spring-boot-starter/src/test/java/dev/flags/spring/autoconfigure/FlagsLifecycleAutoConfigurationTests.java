package dev.flags.spring.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.flags.core.lifecycle.ExperimentConclusions;
import dev.flags.core.lifecycle.FlagUsage;
import dev.flags.core.lifecycle.LifecycleInspector;
import dev.flags.core.lifecycle.LifecycleReport;
import dev.flags.core.lifecycle.StaleReason;
import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagEvaluationListener;
import dev.flags.spring.FlagService;
import dev.flags.spring.actuate.StaleFlagMetrics;
import dev.flags.spring.lifecycle.FlagUsageTicker;
import dev.flags.spring.lifecycle.LifecycleReporter;
import dev.flags.spring.lifecycle.LifecycleStartupCheck;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagsLifecycleAutoConfiguration}.
 */
class FlagsLifecycleAutoConfigurationTests {

	private static final Clock NOVEMBER = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withPropertyValues("flags.definitions.flags.checkout.rollout=25",
				"flags.definitions.flags.banner.rollout=100",
				"flags.definitions.flags.banner.created-at=2026-06-01T00:00:00Z",
				"flags.definitions.flags.pricing.kind=experiment", "flags.definitions.flags.pricing.rollout=10")
		.withConfiguration(AutoConfigurations.of(FlagsAutoConfiguration.class, FlagsLifecycleAutoConfiguration.class));

	@Test
	void configuresTheLifecycle() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(FlagUsage.class)
			.hasSingleBean(FlagUsageTicker.class)
			.hasSingleBean(LifecycleInspector.class)
			.hasSingleBean(LifecycleReporter.class)
			.hasSingleBean(LifecycleStartupCheck.class)
			.hasSingleBean(ExperimentConclusions.class)
			.hasSingleBean(FlagEvaluationListener.class));
	}

	@Test
	void decisionsThroughTheFlagServiceAreSampled() {
		this.contextRunner.withBean(Clock.class, () -> NOVEMBER).run((context) -> {
			FlagService flags = context.getBean(FlagService.class);
			flags.isEnabled("checkout", FlagContext.of("user-1"));
			flags.variant("chekout", "control");
			FlagUsage usage = context.getBean(FlagUsage.class);
			assertThat(usage.keys()).containsExactlyInAnyOrder("checkout", "chekout");
			assertThat(usage.lastEvaluated("checkout")).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
		});
	}

	@Test
	void thresholdsAreDaysUnlessAUnitIsGiven() {
		this.contextRunner.withPropertyValues("flags.lifecycle.stale-after=7", "flags.lifecycle.unused-after=12h")
			.run((context) -> {
				LifecycleInspector inspector = context.getBean(LifecycleInspector.class);
				assertThat(inspector.rules().staleAfter()).isEqualTo(Duration.ofDays(7));
				assertThat(inspector.rules().unusedAfter()).isEqualTo(Duration.ofHours(12));
			});
		this.contextRunner.run((context) -> assertThat(context.getBean(LifecycleInspector.class).rules().staleAfter())
			.isEqualTo(Duration.ofDays(30)));
	}

	@Test
	void aThresholdThatIsNotPositiveFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("flags.lifecycle.stale-after=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("flags.lifecycle.stale-after")
				.hasMessageContaining("must be positive");
		});
	}

	@Test
	void theApplicationsClockAndExperimentConclusionsAreUsed() {
		this.contextRunner.withBean(Clock.class, () -> NOVEMBER)
			.withBean(ExperimentConclusions.class, () -> (key) -> "pricing".equals(key) ? "no difference" : null)
			.run((context) -> {
				LifecycleReport report = context.getBean(LifecycleReporter.class).report();
				assertThat(report.time()).isEqualTo(NOVEMBER.instant());
				assertThat(report.stale()).extracting((stale) -> stale.key() + " " + stale.reason())
					.containsExactly("banner " + StaleReason.FULLY_ON, "pricing " + StaleReason.CONCLUDED);
			});
	}

	@Test
	void theStaleGaugeIsRegisteredWithAMeterRegistry() {
		this.contextRunner.withBean(Clock.class, () -> NOVEMBER)
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> {
				MeterRegistry meterRegistry = context.getBean(MeterRegistry.class);
				assertThat(meterRegistry.get(StaleFlagMetrics.STALE).tag("kind", "release").gauge().value())
					.isEqualTo(1);
				assertThat(meterRegistry.get(StaleFlagMetrics.STALE).tag("kind", "experiment").gauge().value())
					.isZero();
			});
	}

	@Test
	void noGaugeWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(LifecycleReporter.class)
				.doesNotHaveBean(StaleFlagMetrics.class));
	}

	@Test
	void canBeTurnedOff() {
		this.contextRunner.withPropertyValues("flags.lifecycle.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(FlagUsage.class)
				.doesNotHaveBean(LifecycleReporter.class)
				.doesNotHaveBean(FlagEvaluationListener.class);
			assertThat(context.getBean(FlagService.class).isEnabled("checkout", FlagContext.of("user-1")))
				.isEqualTo(context.getBean(FlagService.class).snapshot().isEnabled("checkout", FlagContext.of("user-1")));
		});
	}

	@Test
	void needsAFlagRegistry() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FlagsLifecycleAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LifecycleReporter.class));
	}

}
