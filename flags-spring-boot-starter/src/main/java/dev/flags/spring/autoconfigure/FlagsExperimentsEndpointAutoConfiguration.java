package dev.flags.spring.autoconfigure;

import dev.flags.spring.experiment.Experiments;
import dev.flags.spring.experiment.ExperimentsEndpoint;
import dev.flags.spring.experiment.ExposureTracker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link ExperimentsEndpoint experiments actuator endpoint}, when it is
 * exposed and its access is not {@code none}. Resetting an experiment needs
 * {@code management.endpoint.experiments.access=unrestricted}.
 */
@AutoConfiguration(after = FlagsExperimentsAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(ExperimentsEndpoint.class)
public final class FlagsExperimentsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Experiments.class)
	ExperimentsEndpoint experimentsEndpoint(Experiments experiments, ObjectProvider<ExposureTracker> exposureTracker) {
		return new ExperimentsEndpoint(experiments, exposureTracker.getIfAvailable());
	}

}
