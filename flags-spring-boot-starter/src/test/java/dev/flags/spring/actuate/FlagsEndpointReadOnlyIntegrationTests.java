package dev.flags.spring.actuate;

import dev.flags.core.model.Flag;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.autoconfigure.FlagsAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsEndpointAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The {@code flags} endpoint with {@code management.endpoint.flags.access=read-only}: it still
 * shows and explains flags, and refuses every write, even where other endpoints may write.
 */
@SpringBootTest(properties = { "management.endpoints.web.exposure.include=flags",
		"management.endpoints.access.default=unrestricted", "management.endpoint.flags.access=read-only",
		"flags.refresh-interval=0", "flags.definitions.flags.payments.kind=kill-switch",
		"flags.definitions.flags.payments.rollout=100" })
@AutoConfigureMockMvc
class FlagsEndpointReadOnlyIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FlagRegistry registry;

	@Test
	void readsAreServed() throws Exception {
		assertThat(status(get("/actuator/flags"))).isEqualTo(200);
		assertThat(status(get("/actuator/flags/payments"))).isEqualTo(200);
		assertThat(status(get("/actuator/flags/payments/explain?key=user-1"))).isEqualTo(200);
	}

	@Test
	void writesAreRefusedAndChangeNothing() throws Exception {
		Flag before = this.registry.store().load().flag("payments").orElseThrow();
		assertThat(status(post("/actuator/flags/payments").contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\": false}"))).isEqualTo(405);
		assertThat(this.registry.store().load().flag("payments")).contains(before);
		assertThat(before.enabled()).isTrue();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
			EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
			JacksonEndpointAutoConfiguration.class, ManagementContextAutoConfiguration.class,
			FlagsAutoConfiguration.class, FlagsEndpointAutoConfiguration.class })
	static class ShopConfiguration {

	}

}
