package dev.flags.spring.autoconfigure;

import dev.flags.spring.actuate.FlagsHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagsHealthContributorAutoConfiguration}.
 */
class FlagsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(FlagsAutoConfiguration.class, FlagsHealthContributorAutoConfiguration.class));

	@Test
	void healthIndicatorIsConfiguredByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(FlagsHealthIndicator.class).hasBean("flagsHealthIndicator");
			assertThat(context.getBean(FlagsHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.flags.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FlagsHealthIndicator.class));
	}

	@Test
	void nothingIsConfiguredWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FlagsHealthIndicator.class));
	}

}
