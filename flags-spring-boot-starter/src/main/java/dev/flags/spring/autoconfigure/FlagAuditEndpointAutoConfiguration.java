package dev.flags.spring.autoconfigure;

import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.actuate.FlagAuditEndpoint;
import dev.flags.spring.actuate.FlagsReadAccessAdvisor;
import dev.flags.spring.governance.FlagWriteService;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link FlagAuditEndpoint flagaudit actuator endpoint}, when it is
 * exposed, and of the check that lets only callers with the read role read it and the
 * {@code flags} endpoint while Spring Security is active.
 */
@AutoConfiguration(afterName = { "dev.flags.spring.autoconfigure.FlagsAutoConfiguration",
		"dev.flags.spring.autoconfigure.FlagsGovernanceAutoConfiguration" })
@ConditionalOnClass(WebEndpoint.class)
public final class FlagAuditEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(FlagRegistry.class)
	@ConditionalOnAvailableEndpoint(FlagAuditEndpoint.class)
	FlagAuditEndpoint flagAuditEndpoint(FlagRegistry flagRegistry) {
		return new FlagAuditEndpoint(flagRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(FlagWriteService.class)
	FlagsReadAccessAdvisor flagsReadAccessAdvisor(FlagWriteService flagWriteService) {
		return new FlagsReadAccessAdvisor(flagWriteService);
	}

}
