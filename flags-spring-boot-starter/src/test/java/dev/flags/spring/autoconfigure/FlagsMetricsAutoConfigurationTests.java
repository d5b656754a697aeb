package dev.flags.spring.autoconfigure;

import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagEvaluationListener;
import dev.flags.spring.FlagService;
import dev.flags.spring.actuate.FlagEvaluationMetrics;
import dev.flags.spring.actuate.FlagRegistryMetrics;
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
 * Tests for {@link FlagsMetricsAutoConfiguration}.
 */
class FlagsMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withPropertyValues("flags.definitions.flags.checkout.rollout=100")
		.withConfiguration(AutoConfigurations.of(FlagsAutoConfiguration.class, FlagsMetricsAutoConfiguration.class));

	private final AutoConfigurations metrics = AutoConfigurations.of(MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class);

	@Test
	void metricsAreConfiguredWithAMeterRegistry() {
		this.contextRunner.withConfiguration(this.metrics).run((context) -> {
			assertThat(context).hasSingleBean(FlagEvaluationMetrics.class).hasSingleBean(FlagRegistryMetrics.class);
			context.getBean(FlagService.class).isEnabled("checkout", FlagContext.of("user-1"));
			MeterRegistry meterRegistry = context.getBean(MeterRegistry.class);
			assertThat(meterRegistry.get(FlagEvaluationMetrics.EVALUATIONS)
				.tags("flag", "checkout", "enabled", "true", "reason", "ROLLOUT")
				.counter()
				.count()).isEqualTo(1);
			assertThat(meterRegistry.get(FlagRegistryMetrics.FLAGS).gauge().value()).isEqualTo(1);
			assertThat(meterRegistry.find(FlagRegistryMetrics.RELOADS).functionCounter()).isNotNull();
			assertThat(meterRegistry.find(FlagRegistryMetrics.STORE_ERRORS).functionCounter()).isNotNull();
			assertThat(meterRegistry.find(FlagRegistryMetrics.SNAPSHOT_AGE).timeGauge()).isNotNull();
		});
	}

	@Test
	void nothingIsConfiguredWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(MeterRegistry.class)
				.doesNotHaveBean(FlagEvaluationListener.class)
				.doesNotHaveBean(FlagRegistryMetrics.class);
			assertThat(context.getBean(FlagService.class).isEnabled("checkout", FlagContext.of("user-1"))).isTrue();
		});
	}

	@Test
	void nothingIsConfiguredWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(FlagEvaluationMetrics.class)
				.doesNotHaveBean(FlagRegistryMetrics.class));
	}

}
