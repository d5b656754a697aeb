package dev.flags.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Clock;

import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.governance.FlagWritePolicy;
import dev.flags.spring.governance.FlagWriteService;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the governed write path every change to a flag goes through, whichever
 * API asks for it. Writes are allowed when {@code flags.write.enabled} says so; unset, when
 * Spring Security's web security is active, whose roles ({@code flags.security.*}) then decide
 * who may read and write. {@code flags.read-only=true} refuses every write.
 */
@AutoConfiguration(afterName = { "dev.flags.spring.autoconfigure.FlagsAutoConfiguration",
		WebSecurity.AUTO_CONFIGURATION })
@EnableConfigurationProperties(FlagsProperties.class)
public final class FlagsGovernanceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(FlagRegistry.class)
	FlagWriteService flagWriteService(FlagRegistry flagRegistry, FlagsProperties properties,
			ApplicationEventPublisher eventPublisher, BeanFactory beanFactory) {
		return new FlagWriteService(flagRegistry, policy(properties, WebSecurity.isActive(beanFactory)), eventPublisher,
				Clock.systemUTC());
	}

	static FlagWritePolicy policy(FlagsProperties properties, boolean secured) {
		Boolean enabled = properties.getWrite().getEnabled();
		FlagsProperties.Security security = properties.getSecurity();
		return new FlagWritePolicy(properties.isReadOnly(), (enabled != null) ? enabled : secured, secured,
				security.getReadRole(), security.getWriteRole(), security.getEntitlementRole(),
				BigDecimal.valueOf(properties.getWrite().getRolloutStep()), FlagWritePolicy.DEFAULT_MAX_REASON_LENGTH);
	}

}
