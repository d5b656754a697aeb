package dev.flags.spring.admin;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import dev.flags.core.audit.AuditQuery;
import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStore;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.spring.admin.AdminTestConfiguration.ChangedEvents;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static dev.flags.spring.admin.FlagsAdminControllerTests.ADMIN;
import static dev.flags.spring.admin.FlagsAdminControllerTests.list;
import static dev.flags.spring.admin.FlagsAdminControllerTests.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Bad input to every write of the admin API, sent by a caller allowed to make any change: each is
 * answered with a 4xx problem detail that names the field at fault and why, and leaves the stored
 * flags, the audit log and the listeners untouched.
 */
@SpringBootTest(classes = AdminTestConfiguration.class, properties = "flags.refresh-interval=0")
@AutoConfigureMockMvc
class FlagsAdminBadInputTests {

	private static final String CHECKOUT = ADMIN + "/flags/new-checkout";

	private static final String VALID_FLAG = "{\"key\": \"new-checkout\", \"rollout\": 20}";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private InMemoryFlagStore store;

	@Autowired
	private FlagRegistry registry;

	@Autowired
	private ChangedEvents changed;

	@BeforeEach
	void restoreTheFlags() {
		this.store.replace(AdminTestConfiguration.definitions());
		this.registry.refresh();
		this.changed.events.clear();
	}

	static Stream<Arguments> badInput() {
		return Stream.of(
				// The body as a whole
				bad("malformed JSON", put(CHECKOUT, "{\"flag\": "), 400, "(body)"),
				bad("no body", put(CHECKOUT, ""), 400, "(body)"),
				bad("an array, not an object", put(CHECKOUT, "[]"), 400, "(body)"),
				bad("a string, not an object", put(CHECKOUT, "\"new-checkout\""), 400, "(body)"),
				bad("a duplicate field", put(CHECKOUT, "{\"expectedVersion\": 1, \"expectedVersion\": 2, \"flag\": "
						+ VALID_FLAG + "}"), 400, "(body)"),
				bad("an unknown field", put(CHECKOUT, "{\"flag\": " + VALID_FLAG + ", \"expectedVersion\": 1, "
						+ "\"force\": true}"), 400, "force"),
				bad("not UTF-8", request(HttpMethod.PUT, CHECKOUT, MediaType.APPLICATION_JSON_VALUE,
						new byte[] { '{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' }), 400, "(body)"),
				bad("larger than allowed", put(CHECKOUT, "{\"flag\": {\"key\": \"new-checkout\", \"description\": \""
						+ "x".repeat(70 * 1024) + "\"}, \"expectedVersion\": 1}"), 413, "(body)"),
				bad("sent as text", request(HttpMethod.PUT, CHECKOUT, MediaType.TEXT_PLAIN_VALUE,
						bytes("{\"flag\": " + VALID_FLAG + ", \"expectedVersion\": 1}")), 415, "Content-Type"),
				bad("sent without a type", request(HttpMethod.PUT, CHECKOUT, null,
						bytes("{\"flag\": " + VALID_FLAG + ", \"expectedVersion\": 1}")), 415, "Content-Type"),
				bad("sent with a malformed type", request(HttpMethod.PUT, CHECKOUT, "json",
						bytes("{\"flag\": " + VALID_FLAG + ", \"expectedVersion\": 1}")), 415, "Content-Type"),
				// The flag definition
				bad("no flag", put(CHECKOUT, "{\"expectedVersion\": 1}"), 400, "flag"),
				bad("a flag that is not an object", put(CHECKOUT, "{\"flag\": [], \"expectedVersion\": 1}"), 400, "flag"),
				bad("an invalid flag key", replace(ADMIN + "/flags/bad", "{\"key\": \"Bad Key\"}", 0), 400, "flag.key"),
				bad("a flag key other than the path's", replace(CHECKOUT, "{\"key\": \"other\"}", 1), 400, "flag.key"),
				bad("an invalid key in the path", rollout(ADMIN + "/flags/Not_A_Key", "20", 1), 400, "key"),
				bad("a rollout above 100", replace(CHECKOUT, "{\"key\": \"new-checkout\", \"rollout\": 150}", 1), 400,
						"flag.rollout"),
				bad("a negative rollout", replace(CHECKOUT, "{\"key\": \"new-checkout\", \"rollout\": -5}", 1), 400,
						"flag.rollout"),
				bad("a rollout finer than 0.001 %", replace(CHECKOUT, "{\"key\": \"new-checkout\", \"rollout\": 12.3456}",
						1), 400, "flag.rollout"),
				bad("a rollout that is a string", replace(CHECKOUT, "{\"key\": \"new-checkout\", \"rollout\": \"half\"}",
						1), 400, "flag.rollout"),
				bad("a rollout of a million digits", replace(CHECKOUT,
						"{\"key\": \"new-checkout\", \"rollout\": 1e999999}", 1), 400, "flag.rollout"),
				bad("an unknown operator", replace(CHECKOUT, "{\"key\": \"new-checkout\", \"rules\": [{\"when\": "
						+ "[{\"attribute\": \"plan\", \"op\": \"like\", \"values\": [\"pro\"]}]}]}", 1), 400,
						"flag.rules[0].when[0].op"),
				bad("an unknown kind", replace(CHECKOUT, "{\"key\": \"new-checkout\", \"kind\": \"feature\"}", 1), 400,
						"flag.kind"),
				bad("enabled that is not a boolean", replace(CHECKOUT,
						"{\"key\": \"new-checkout\", \"enabled\": \"yes\"}", 1), 400, "flag.enabled"),
				bad("variant weights that do not sum to 100", replace(CHECKOUT, "{\"key\": \"new-checkout\", "
						+ "\"variants\": [{\"name\": \"a\", \"weight\": 50}, {\"name\": \"b\", \"weight\": 40}]}", 1), 400,
						"flag.variants"),
				bad("a rule serving an undeclared variant", replace(CHECKOUT, "{\"key\": \"new-checkout\", "
						+ "\"rules\": [{\"when\": [], \"variant\": \"blue\"}]}", 1), 400, "flag.rules[0].variant"),
				bad("a rule serving a variant and a rollout", replace(CHECKOUT, "{\"key\": \"new-checkout\", "
						+ "\"variants\": [{\"name\": \"a\", \"weight\": 100}], \"rules\": [{\"when\": [], \"variant\": \"a\", "
						+ "\"rollout\": 5}]}", 1), 400, "flag.rules[0]"),
				bad("an include list that is not a list", replace(CHECKOUT,
						"{\"key\": \"new-checkout\", \"include\": \"user-1\"}", 1), 400, "flag.include"),
				bad("a condition value that is an object", replace(CHECKOUT, "{\"key\": \"new-checkout\", \"rules\": "
						+ "[{\"when\": [{\"attribute\": \"plan\", \"op\": \"in\", \"values\": [{\"a\": 1}]}]}]}", 1), 400,
						"flag.rules[0].when[0].values[0]"),
				bad("editors that are not a list of names", replace(CHECKOUT,
						"{\"key\": \"new-checkout\", \"editors\": 5}", 1), 400, "flag.editors"),
				bad("highImpact that is not a boolean", replace(CHECKOUT,
						"{\"key\": \"new-checkout\", \"highImpact\": \"yes\"}", 1), 400, "flag.highImpact"),
				bad("a version other than expectedVersion", replace(CHECKOUT,
						"{\"key\": \"new-checkout\", \"version\": 7}", 1), 400, "flag.version"),
				// The version, reason and confirmation
				bad("no expectedVersion", put(CHECKOUT, "{\"flag\": " + VALID_FLAG + "}"), 428, "expectedVersion"),
				bad("a negative expectedVersion", replace(CHECKOUT, VALID_FLAG, -1), 400, "expectedVersion"),
				bad("expectedVersion as a string", put(CHECKOUT, "{\"flag\": " + VALID_FLAG
						+ ", \"expectedVersion\": \"1\"}"), 400, "expectedVersion"),
				bad("a fractional expectedVersion", put(CHECKOUT, "{\"flag\": " + VALID_FLAG
						+ ", \"expectedVersion\": 1.5}"), 400, "expectedVersion"),
				bad("a malformed If-Match", post(CHECKOUT + "/disable", "{}").header("If-Match", "W/\"x\""), 400,
						"If-Match"),
				bad("If-Match other than expectedVersion", post(CHECKOUT + "/disable", "{\"expectedVersion\": 1}")
					.header("If-Match", "\"2\""), 400, "If-Match"),
				bad("If-Match: *", post(CHECKOUT + "/disable", "{}").header("If-Match", "*"), 400, "If-Match"),
				bad("confirm that is not a boolean", post(CHECKOUT + "/disable",
						"{\"expectedVersion\": 1, \"confirm\": \"yes\"}"), 400, "confirm"),
				bad("a reason that is not a string", post(CHECKOUT + "/disable",
						"{\"expectedVersion\": 1, \"reason\": 42}"), 400, "reason"),
				bad("a reason that is too long", post(CHECKOUT + "/disable",
						"{\"expectedVersion\": 1, \"reason\": \"" + "x".repeat(1001) + "\"}"), 400, "reason"),
				bad("a reason with a line break", post(CHECKOUT + "/disable",
						"{\"expectedVersion\": 1, \"reason\": \"one\\ntwo\"}"), 400, "reason"),
				bad("an unknown field of a switch", post(CHECKOUT + "/enable",
						"{\"expectedVersion\": 1, \"enabled\": false}"), 400, "enabled"),
				// The rollout write
				bad("no rollout", post(CHECKOUT + "/rollout", "{\"expectedVersion\": 1}"), 400, "rollout"),
				bad("a null rollout", post(CHECKOUT + "/rollout", "{\"rollout\": null, \"expectedVersion\": 1}"), 400,
						"rollout"),
				bad("a rollout of 101", rollout(CHECKOUT, "101", 1), 400, "rollout"),
				bad("a rollout that is text", rollout(CHECKOUT, "\"abc\"", 1), 400, "rollout"),
				bad("a rollout of 0.0001", rollout(CHECKOUT, "0.0001", 1), 400, "rollout"),
				// Flags that are not there, or not at that version
				bad("an unknown flag to disable", post(ADMIN + "/flags/no-such-flag/disable", "{\"expectedVersion\": 1}"),
						404, "key"),
				bad("an unknown flag to replace", replace(ADMIN + "/flags/no-such-flag", "{\"key\": \"no-such-flag\"}", 3),
						404, "key"),
				bad("an unknown flag to delete", delete(ADMIN + "/flags/no-such-flag", "{\"expectedVersion\": 1}"), 404,
						"key"),
				bad("a delete without a version", delete(CHECKOUT, ""), 428, "expectedVersion"),
				bad("a create of an existing flag", replace(CHECKOUT, VALID_FLAG, 0), 409, "expectedVersion"),
				bad("a stale version", rollout(CHECKOUT, "20", 7), 409, "expectedVersion"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInput")
	void badInputIsRefusedNamingTheFieldAndChangesNothing(String name, MockHttpServletRequestBuilder request,
			int status, String field) throws Exception {
		String document = document(this.store);
		int audited = this.store.auditLog().read(AuditQuery.recent(AuditQuery.MAX_LIMIT)).records().size();
		MockHttpServletResponse response = this.mvc
			.perform(request.with(user("root").roles("FLAGS_WRITE", "FLAGS_ENTITLEMENTS", "payments-oncall")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		Map<String, Object> problem = problem(response);
		assertThat(list(problem.get("errors"))).as(response.getContentAsString())
			.anySatisfy((error) -> assertThat(error).containsEntry("field", field)
				.hasEntrySatisfying("reason", (reason) -> assertThat((String) reason).isNotBlank().hasSizeLessThan(400)));
		assertThat((String) problem.get("detail")).isNotBlank().hasSizeLessThan(1000);
		assertThat(document(this.store)).isEqualTo(document);
		assertThat(this.store.auditLog().read(AuditQuery.recent(AuditQuery.MAX_LIMIT)).records()).hasSize(audited);
		assertThat(this.changed.events).isEmpty();
	}

	static String document(FlagStore store) {
		return DefinitionsCodec.write(store.load());
	}

	private static Arguments bad(String name, MockHttpServletRequestBuilder request, int status, String field) {
		return arguments(name, request, status, field);
	}

	private static MockHttpServletRequestBuilder replace(String path, String flag, long expectedVersion) {
		return put(path, "{\"flag\": " + flag + ", \"expectedVersion\": " + expectedVersion + "}");
	}

	private static MockHttpServletRequestBuilder rollout(String path, String rollout, long expectedVersion) {
		return post(path + "/rollout", "{\"rollout\": " + rollout + ", \"expectedVersion\": " + expectedVersion + "}");
	}

	private static MockHttpServletRequestBuilder put(String path, String body) {
		return request(HttpMethod.PUT, path, MediaType.APPLICATION_JSON_VALUE, bytes(body));
	}

	private static MockHttpServletRequestBuilder post(String path, String body) {
		return request(HttpMethod.POST, path, MediaType.APPLICATION_JSON_VALUE, bytes(body));
	}

	private static MockHttpServletRequestBuilder delete(String path, String body) {
		return request(HttpMethod.DELETE, path, MediaType.APPLICATION_JSON_VALUE, bytes(body));
	}

	private static MockHttpServletRequestBuilder request(HttpMethod method, String path, @Nullable String contentType,
			byte[] body) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path).content(body);
		return (contentType != null) ? request.contentType(contentType) : request;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
