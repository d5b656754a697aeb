package dev.flags.spring.autoconfigure;

import dev.flags.spring.web.ClientFlagsHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.function.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagsClientAutoConfiguration}.
 */
class FlagsClientAutoConfigurationTests {

	private final AutoConfigurations configurations = AutoConfigurations.of(FlagsAutoConfiguration.class,
			FlagsWebAutoConfiguration.class, FlagsClientAutoConfiguration.class);

	@Test
	void clientEndpointIsOnInAServletWebApplication() {
		new WebApplicationContextRunner().withConfiguration(this.configurations)
			.run((context) -> assertThat(context).hasSingleBean(ClientFlagsHandler.class)
				.hasSingleBean(RouterFunction.class));
	}

	@Test
	void clientEndpointCanBeSwitchedOff() {
		new WebApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("flags.client.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ClientFlagsHandler.class)
				.doesNotHaveBean(RouterFunction.class));
	}

	@Test
	void clientEndpointIsOffOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(this.configurations)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ClientFlagsHandler.class)
				.doesNotHaveBean(RouterFunction.class));
	}

}
