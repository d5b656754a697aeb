package dev.flags.spring.autoconfigure;

import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.spring.actuate.ExplainOperationInvokerAdvisor;
import dev.flags.spring.actuate.FlagsEndpoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.Operation;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagsEndpointAutoConfiguration}.
 */
class FlagsEndpointAutoConfigurationTests {

	// Upper case: the runner's environment lacks the lenient enum conversion of an application's.
	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				FlagsAutoConfiguration.class, FlagsEndpointAutoConfiguration.class));

	@Test
	void endpointIsNotConfiguredUnlessExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(FlagsEndpoint.class)
			.doesNotHaveBean(ExplainOperationInvokerAdvisor.class));
	}

	@Test
	void exposedEndpointIsConfiguredAndReadOnlyByDefault() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=flags")
			.run((context) -> {
				assertThat(context).hasSingleBean(FlagsEndpoint.class)
					.hasSingleBean(ExplainOperationInvokerAdvisor.class);
				assertThat(flagsEndpoint(context).getOperations()).extracting(Operation::getType)
					.hasSize(3)
					.containsOnly(OperationType.READ);
			});
	}

	@Test
	void unrestrictedAccessAllowsTheWrite() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=flags",
					"management.endpoint.flags.access=UNRESTRICTED")
			.run((context) -> assertThat(flagsEndpoint(context).getOperations()).extracting(Operation::getType)
				.containsOnlyOnce(OperationType.WRITE));
	}

	@Test
	void noAccessRemovesTheEndpoint() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=flags",
					"management.endpoint.flags.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(FlagsEndpoint.class));
	}

	@Test
	void userEndpointReplacesTheConfiguredOne() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=flags")
			.withBean("myFlagsEndpoint", FlagsEndpoint.class,
					() -> new FlagsEndpoint(new FlagRegistry(new InMemoryFlagStore())))
			.run((context) -> assertThat(context).hasSingleBean(FlagsEndpoint.class).hasBean("myFlagsEndpoint"));
	}

	@Test
	void nothingIsConfiguredWithoutActuator() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(FlagsAutoConfiguration.class, FlagsEndpointAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(WebEndpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=flags")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(FlagsEndpoint.class)
				.doesNotHaveBean(ExplainOperationInvokerAdvisor.class));
	}

	private static ExposableWebEndpoint flagsEndpoint(AssertableWebApplicationContext context) {
		return context.getBean(WebEndpointsSupplier.class)
			.getEndpoints()
			.stream()
			.filter((endpoint) -> endpoint.getEndpointId().equals(EndpointId.of(FlagsEndpoint.ID)))
			.findFirst()
			.orElseThrow();
	}

}
