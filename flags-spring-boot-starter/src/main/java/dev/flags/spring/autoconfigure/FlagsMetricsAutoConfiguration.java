package dev.flags.spring.autoconfigure;

import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.actuate.FlagEvaluationMetrics;
import dev.flags.spring.actuate.FlagRegistryMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Micrometer metrics of flags, when the application has a
 * {@link MeterRegistry}: decisions counted by {@link FlagEvaluationMetrics}, and the registry's
 * gauges and counters bound by {@link FlagRegistryMetrics}. Without a meter registry, decisions
 * cost nothing extra.
 */
@AutoConfiguration(afterName = { "dev.flags.spring.autoconfigure.FlagsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class FlagsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FlagEvaluationMetrics flagEvaluationMetrics(MeterRegistry meterRegistry) {
		return new FlagEvaluationMetrics(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(FlagRegistry.class)
	FlagRegistryMetrics flagRegistryMetrics(FlagRegistry flagRegistry) {
		return new FlagRegistryMetrics(flagRegistry);
	}

}
