package dev.flags.spring.autoconfigure;

import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.actuate.FlagsHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link FlagsHealthIndicator flags health indicator}; off with
 * {@code management.health.flags.enabled=false}.
 */
@AutoConfiguration(afterName = "dev.flags.spring.autoconfigure.FlagsAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("flags")
public final class FlagsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "flagsHealthIndicator")
	@ConditionalOnBean(FlagRegistry.class)
	FlagsHealthIndicator flagsHealthIndicator(FlagRegistry flagRegistry) {
		return new FlagsHealthIndicator(flagRegistry);
	}

}
