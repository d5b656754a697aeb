package dev.flags.spring.admin;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.store.FlagStore;
import dev.flags.spring.autoconfigure.FlagsAdminAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsGovernanceAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static dev.flags.spring.admin.FlagsAdminControllerTests.ADMIN;
import static dev.flags.spring.admin.FlagsAdminControllerTests.body;
import static dev.flags.spring.admin.FlagsAdminControllerTests.list;
import static dev.flags.spring.admin.FlagsAdminControllerTests.withBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every kind of change to one flag, made through the admin API of an application on a given
 * store, and what its audit log then holds: for the tests of each store.
 */
public final class AuditJourney {

	/** The kinds of change the journey makes, newest first, as the audit log lists them. */
	public static final List<AuditRecord.Type> TYPES = List.of(AuditRecord.Type.DELETED,
			AuditRecord.Type.ROLLOUT_CHANGED, AuditRecord.Type.ENABLED, AuditRecord.Type.DISABLED,
			AuditRecord.Type.UPDATED, AuditRecord.Type.CREATED);

	/** The reasons given with each change, newest first. */
	public static final List<String> REASONS = List.of("released", "ramp", "fixed", "incident 7", "describe",
			"launch");

	private AuditJourney() {
	}

	/**
	 * Creates, updates, disables, enables, ramps and deletes the flag {@code journey} through the
	 * admin API of an application on the given store, as the user {@code alice}, and checks the
	 * store's audit log and the API's view of it.
	 * @param type the type of store
	 * @param store makes the store the application uses
	 * @param <S> the type of store
	 * @return the store, for checks of its own
	 */
	public static <S extends FlagStore> S run(Class<S> type, Supplier<S> store) {
		AtomicReference<S> used = new AtomicReference<>();
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
					WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
					JacksonAutoConfiguration.class, FlagsAutoConfiguration.class,
					FlagsGovernanceAutoConfiguration.class, FlagsAdminAutoConfiguration.class))
			.withBean(type, store)
			.withPropertyValues("flags.refresh-interval=0", "flags.admin.enabled=true", "flags.write.enabled=true")
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				write(mvc, put(ADMIN + "/flags/journey"), "{\"flag\": {\"key\": \"journey\", \"rollout\": 5}, "
						+ "\"expectedVersion\": 0, \"reason\": \"launch\"}", 201);
				write(mvc, put(ADMIN + "/flags/journey"), "{\"flag\": {\"key\": \"journey\", \"rollout\": 5, "
						+ "\"description\": \"A journey\"}, \"expectedVersion\": 1, \"reason\": \"describe\"}", 200);
				write(mvc, post(ADMIN + "/flags/journey/disable"), "{\"expectedVersion\": 2, \"reason\": \"incident 7\"}",
						200);
				write(mvc, post(ADMIN + "/flags/journey/enable"), "{\"expectedVersion\": 3, \"reason\": \"fixed\"}", 200);
				write(mvc, post(ADMIN + "/flags/journey/rollout"),
						"{\"rollout\": 40, \"expectedVersion\": 4, \"reason\": \"ramp\"}", 200);
				write(mvc, delete(ADMIN + "/flags/journey"), "{\"expectedVersion\": 5, \"reason\": \"released\"}", 200);
				used.set(context.getBean(type));
				List<AuditRecord> records = used.get().auditLog().read(AuditQuery.of("journey", 10)).records();
				assertThat(records).extracting(AuditRecord::type).containsExactlyElementsOf(TYPES);
				assertThat(records).extracting(AuditRecord::reason).containsExactlyElementsOf(REASONS);
				assertThat(records).extracting(AuditRecord::actor).containsOnly("alice");
				assertThat(records).extracting(AuditRecord::versionAfter).containsExactly(0L, 5L, 4L, 3L, 2L, 1L);
				assertThat(records.get(1).changedFields()).containsExactly("rollout");
				assertThat(records.get(4).changedFields()).containsExactly("description");
				MockHttpServletResponse page = mvc.perform(get(ADMIN + "/flags/journey/audit?limit=10"))
					.andReturn()
					.getResponse();
				assertThat(list(body(page).get("records"))).extracting((record) -> record.get("type"))
					.containsExactlyElementsOf(TYPES.stream().map(Enum::name).toList());
			});
		return used.get();
	}

	private static void write(MockMvc mvc, MockHttpServletRequestBuilder request, String body, int status)
			throws Exception {
		MockHttpServletResponse response = mvc.perform(withBody(request.principal(() -> "alice"), body))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
	}

}
