package dev.flags.spring.admin;

import java.util.Map;

import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.store.FlagStore;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.spring.autoconfigure.FlagsAdminAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsEndpointAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsGovernanceAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static dev.flags.spring.admin.FlagsAdminControllerTests.ADMIN;
import static dev.flags.spring.admin.FlagsAdminControllerTests.body;
import static dev.flags.spring.admin.FlagsAdminControllerTests.disable;
import static dev.flags.spring.admin.FlagsAdminControllerTests.map;
import static dev.flags.spring.admin.FlagsAdminControllerTests.problem;
import static dev.flags.spring.admin.FlagsAdminControllerTests.rollout;
import static dev.flags.spring.admin.FlagsAdminControllerTests.withBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The admin API and the actuator write without Spring Security: writes off until enabled, and a
 * read-only instance that refuses every write through every API.
 */
class FlagsAdminModesTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
				ErrorMvcAutoConfiguration.class, EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				JacksonEndpointAutoConfiguration.class, ManagementContextAutoConfiguration.class,
				FlagsAutoConfiguration.class, FlagsGovernanceAutoConfiguration.class, FlagsAdminAutoConfiguration.class,
				FlagsEndpointAutoConfiguration.class))
		.withBean(InMemoryFlagStore.class, () -> new InMemoryFlagStore(AdminTestConfiguration.definitions()))
		.withPropertyValues("flags.refresh-interval=0", "flags.admin.enabled=true",
				"management.endpoints.web.exposure.include=flags", "management.endpoint.flags.access=UNRESTRICTED");

	@Test
	void withoutSpringSecurityWritesAreRefusedUntilEnabled() {
		this.runner.run((context) -> {
			MockMvc mvc = mvc(context);
			String before = FlagsAdminBadInputTests.document(context.getBean(FlagStore.class));
			assertThat(status(mvc, get(ADMIN + "/flags/new-checkout"))).isEqualTo(200);
			MockHttpServletResponse refused = perform(mvc, disable("new-checkout", 1));
			assertThat(refused.getStatus()).isEqualTo(403);
			assertThat(problem(refused)).containsEntry("type", "tag:flags.dev,2026:problem:writes-disabled");
			assertThat((String) problem(refused).get("detail")).contains("flags.write.enabled=true");
			assertThat(status(mvc, withBody(post("/actuator/flags/new-checkout"),
					"{\"enabled\": false, \"expectedVersion\": 1}"))).isEqualTo(403);
			assertThat(FlagsAdminBadInputTests.document(context.getBean(FlagStore.class))).isEqualTo(before);
		});
	}

	@Test
	void writesEnabledWithoutSpringSecurityAreOpenAndAuditedAsAnonymous() {
		this.runner.withPropertyValues("flags.write.enabled=true").run((context) -> {
			MockMvc mvc = mvc(context);
			Map<String, Object> written = body(perform(mvc, disable("new-checkout", 1)));
			assertThat(map(written.get("audit"))).containsEntry("actor", "anonymous").containsEntry("type", "DISABLED");
			assertThat(status(mvc, withBody(post("/actuator/flags/new-checkout"),
					"{\"enabled\": true, \"expectedVersion\": 2, \"reason\": \"back\"}"))).isEqualTo(200);
			assertThat(context.getBean(FlagStore.class).auditLog().read(AuditQuery.recent(5)).records())
				.extracting(AuditRecord::type, AuditRecord::reason)
				.containsExactly(tuple(AuditRecord.Type.ENABLED, "back"),
						tuple(AuditRecord.Type.DISABLED, null));
		});
	}

	@Test
	void readOnlyInstanceRefusesEveryWriteThroughEveryApi() {
		this.runner.withPropertyValues("flags.write.enabled=true", "flags.read-only=true").run((context) -> {
			MockMvc mvc = mvc(context);
			FlagStore store = context.getBean(FlagStore.class);
			String before = FlagsAdminBadInputTests.document(store);
			MockHttpServletRequestBuilder[] writes = { disable("new-checkout", 1), rollout("new-checkout", "20", 1),
					withBody(put(ADMIN + "/flags/fresh"), "{\"flag\": {\"key\": \"fresh\"}, \"expectedVersion\": 0}"),
					delete(ADMIN + "/flags/new-checkout").header("If-Match", "\"1\"") };
			for (MockHttpServletRequestBuilder write : writes) {
				MockHttpServletResponse refused = perform(mvc, write);
				assertThat(refused.getStatus()).isEqualTo(405);
				assertThat(problem(refused)).containsEntry("type", "tag:flags.dev,2026:problem:read-only")
					.containsEntry("title", "Read-only instance");
				assertThat((String) problem(refused).get("detail")).contains("flags.read-only=true");
				assertThat(refused.getHeader("Allow")).contains("GET");
			}
			MockHttpServletResponse actuator = perform(mvc,
					withBody(post("/actuator/flags/new-checkout"), "{\"enabled\": false, \"expectedVersion\": 1}"));
			assertThat(actuator.getStatus()).isEqualTo(405);
			assertThat(body(actuator).get("error").toString()).contains("read-only");
			assertThat(status(mvc, get(ADMIN + "/flags"))).isEqualTo(200);
			assertThat(status(mvc, get("/actuator/flags"))).isEqualTo(200);
			assertThat(FlagsAdminBadInputTests.document(store)).isEqualTo(before);
			assertThat(store.auditLog().read(AuditQuery.recent(10)).records()).isEmpty();
		});
	}

	@Test
	void adminApiMovesWithItsPath() {
		this.runner.withPropertyValues("flags.admin.path=/ops/flags").run((context) -> {
			MockMvc mvc = mvc(context);
			assertThat(status(mvc, get("/ops/flags/flags/new-checkout"))).isEqualTo(200);
			assertThat(status(mvc, get(ADMIN + "/flags/new-checkout"))).isEqualTo(404);
		});
	}

	private static MockMvc mvc(AssertableWebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context).build();
	}

	private static MockHttpServletResponse perform(MockMvc mvc, MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private static int status(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
		return perform(mvc, request).getStatus();
	}

}
