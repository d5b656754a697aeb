package dev.flags.spring.autoconfigure;

import java.time.Clock;

import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.actuate.ExplainOperationInvokerAdvisor;
import dev.flags.spring.actuate.FlagsEndpoint;
import dev.flags.spring.governance.FlagWriteService;
import dev.flags.spring.lifecycle.LifecycleReporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link FlagsEndpoint flags actuator endpoint}, when it is exposed
 * and its access is not {@code none}. Writes need {@code management.endpoint.flags.access=unrestricted}
 * and go through the governed {@link FlagWriteService}.
 */
@AutoConfiguration(afterName = { "dev.flags.spring.autoconfigure.FlagsAutoConfiguration",
		"dev.flags.spring.autoconfigure.FlagsGovernanceAutoConfiguration" })
@ConditionalOnClass(WebEndpoint.class)
@ConditionalOnAvailableEndpoint(FlagsEndpoint.class)
public final class FlagsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(FlagRegistry.class)
	FlagsEndpoint flagsEndpoint(FlagRegistry flagRegistry, ObjectProvider<FlagWriteService> flagWriteService,
			ObjectProvider<LifecycleReporter> flagLifecycleReporter) {
		// Without the governed write path, the endpoint still reads, and refuses every write.
		FlagWriteService writes = flagWriteService.getIfAvailable(() -> new FlagWriteService(flagRegistry,
				FlagsGovernanceAutoConfiguration.policy(new FlagsProperties(), false), null, Clock.systemUTC()));
		return new FlagsEndpoint(flagRegistry, writes, flagLifecycleReporter.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	ExplainOperationInvokerAdvisor flagsExplainOperationInvokerAdvisor() {
		return new ExplainOperationInvokerAdvisor();
	}

}
