package dev.flags.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Clock;

import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.admin.FlagsAdminController;
import dev.flags.spring.governance.FlagWritePolicy;
import dev.flags.spring.governance.FlagWriteService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagsGovernanceAutoConfiguration} and {@link FlagsAdminAutoConfiguration}:
 * when writes are allowed and checked, and when the admin API is served.
 */
class FlagsGovernanceAutoConfigurationTests {

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
				FlagsAutoConfiguration.class, FlagsGovernanceAutoConfiguration.class, FlagsAdminAutoConfiguration.class))
		.withPropertyValues("flags.refresh-interval=0");

	private final WebApplicationContextRunner secured = this.web.withConfiguration(AutoConfigurations
		.of(SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				SecurityFilterAutoConfiguration.class));

	@Test
	void withoutSpringSecurityWritesAreOffAndTheAdminApiIsNotServed() {
		this.web.run((context) -> {
			FlagWritePolicy policy = context.getBean(FlagWriteService.class).policy();
			assertThat(policy.secured()).isFalse();
			assertThat(policy.writesEnabled()).isFalse();
			assertThat(policy.readOnly()).isFalse();
			assertThat(context).doesNotHaveBean(FlagsAdminController.class);
		});
	}

	@Test
	void withoutSpringSecurityWritesAndTheAdminApiAreTurnedOnExplicitly() {
		this.web.withPropertyValues("flags.write.enabled=true", "flags.admin.enabled=true").run((context) -> {
			assertThat(context.getBean(FlagWriteService.class).policy().writesEnabled()).isTrue();
			assertThat(context).hasSingleBean(FlagsAdminController.class);
		});
	}

	@Test
	void springSecurityOnTheClassPathAloneSecuresNothing() {
		// This module's tests have Spring Security's classes, but no filter chain here.
		this.web.run((context) -> assertThat(context.getBean(FlagWriteService.class).policy().secured()).isFalse());
	}

	@Test
	void withSpringSecurityWritesAreOnAndCheckedAndTheAdminApiIsServed() {
		this.secured.run((context) -> {
			FlagWritePolicy policy = context.getBean(FlagWriteService.class).policy();
			assertThat(policy.secured()).isTrue();
			assertThat(policy.writesEnabled()).isTrue();
			assertThat(policy).extracting(FlagWritePolicy::readRole, FlagWritePolicy::writeRole,
					FlagWritePolicy::entitlementRole)
				.containsExactly("FLAGS_READ", "FLAGS_WRITE", "FLAGS_ENTITLEMENTS");
			assertThat(policy.rolloutStep()).isEqualByComparingTo("50");
			assertThat(context).hasSingleBean(FlagsAdminController.class);
		});
	}

	@Test
	void withSpringSecurityWritesAndTheAdminApiCanBeTurnedOff() {
		this.secured.withPropertyValues("flags.write.enabled=false", "flags.admin.enabled=false").run((context) -> {
			assertThat(context.getBean(FlagWriteService.class).policy().writesEnabled()).isFalse();
			assertThat(context).doesNotHaveBean(FlagsAdminController.class);
		});
	}

	@Test
	void rolesStepAndReadOnlyModeComeFromProperties() {
		this.secured
			.withPropertyValues("flags.security.read-role=AUDITOR", "flags.security.write-role=OPS",
					"flags.security.entitlement-role=BILLING", "flags.write.rollout-step=20", "flags.read-only=true")
			.run((context) -> assertThat(context.getBean(FlagWriteService.class).policy())
				.isEqualTo(new FlagWritePolicy(true, true, true, "AUDITOR", "OPS", "BILLING", BigDecimal.valueOf(20),
						FlagWritePolicy.DEFAULT_MAX_REASON_LENGTH)));
	}

	@Test
	void adminApiIsNotServedOutsideAServletWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FlagsAutoConfiguration.class,
					FlagsGovernanceAutoConfiguration.class, FlagsAdminAutoConfiguration.class))
			.withPropertyValues("flags.admin.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(FlagWriteService.class)
				.doesNotHaveBean(FlagsAdminController.class));
	}

	@Test
	void userWriteServiceReplacesTheConfiguredOne() {
		this.web.withUserConfiguration(UserWriteService.class)
			.run((context) -> assertThat(context.getBean(FlagWriteService.class))
				.isSameAs(context.getBean(UserWriteService.class).service));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserWriteService {

		FlagWriteService service;

		@Bean
		FlagWriteService flagWriteService(FlagRegistry registry) {
			this.service = new FlagWriteService(registry, FlagWritePolicy.open(), null, Clock.systemUTC());
			return this.service;
		}

	}

}
