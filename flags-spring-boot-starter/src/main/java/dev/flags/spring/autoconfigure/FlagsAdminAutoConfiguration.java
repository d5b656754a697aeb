package dev.flags.spring.autoconfigure;

import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.admin.FlagsAdminController;
import dev.flags.spring.governance.FlagWriteService;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the {@link FlagsAdminController admin REST API} at
 * {@code flags.admin.path}, in a servlet web application: served when
 * {@code flags.admin.enabled=true}, or, left unset, when Spring Security's web security is active
 * (so that an application without it does not grow an unauthenticated admin API by adding the
 * starter).
 */
@AutoConfiguration(afterName = { "dev.flags.spring.autoconfigure.FlagsGovernanceAutoConfiguration",
		WebSecurity.AUTO_CONFIGURATION })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, RestController.class })
@Conditional(FlagsAdminAutoConfiguration.OnAdminApiCondition.class)
@EnableConfigurationProperties(FlagsProperties.class)
public final class FlagsAdminAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ FlagWriteService.class, FlagRegistry.class })
	FlagsAdminController flagsAdminController(FlagWriteService flagWriteService, FlagRegistry flagRegistry,
			FlagsProperties properties) {
		return new FlagsAdminController(flagWriteService, flagRegistry,
				properties.getAdmin().getMaxPayloadSize().toBytes());
	}

	/**
	 * Matches when {@code flags.admin.enabled} is true, or unset while Spring Security's filter
	 * chain is a bean.
	 */
	static final class OnAdminApiCondition extends SpringBootCondition implements ConfigurationCondition {

		private static final String PROPERTY = "flags.admin.enabled";

		@Override
		public ConfigurationPhase getConfigurationPhase() {
			return ConfigurationPhase.REGISTER_BEAN;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Boolean enabled = context.getEnvironment().getProperty(PROPERTY, Boolean.class);
			if (enabled != null) {
				return enabled ? ConditionOutcome.match(PROPERTY + " is true")
						: ConditionOutcome.noMatch(PROPERTY + " is false");
			}
			if (context.getBeanFactory() != null && WebSecurity.isActive(context.getBeanFactory())) {
				return ConditionOutcome.match(PROPERTY + " is unset and Spring Security's web security is active");
			}
			return ConditionOutcome.noMatch(PROPERTY + " is unset and Spring Security's web security is not active");
		}

	}

}
