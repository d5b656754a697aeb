package dev.flags.spring.admin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.model.Flag;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.spring.admin.AdminTestConfiguration.ChangedEvents;
import dev.flags.spring.governance.FlagChangedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The admin API with Spring Security: who may read and change which flag, the confirmation of
 * high-impact changes, the version check under concurrent writers, and the audit record, event
 * and log line of every change.
 */
@SpringBootTest(classes = AdminTestConfiguration.class,
		properties = { "flags.refresh-interval=0", "logging.level.dev.flags.spring.governance=info" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class FlagsAdminControllerTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final String ADMIN = "/flags/admin";

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

	@Test
	void readerReadsFlagsAndTheAuditLogButMayNotChangeThem() throws Exception {
		RequestPostProcessor reader = user("rita").roles("FLAGS_READ");
		Map<String, Object> flags = body(perform(get(ADMIN + "/flags").with(reader), 200));
		assertThat(list(flags.get("flags"))).extracting((flag) -> flag.get("key")).contains("new-checkout", "payments");
		MockHttpServletResponse flag = perform(get(ADMIN + "/flags/new-checkout").with(reader), 200);
		assertThat(body(flag)).containsEntry("key", "new-checkout").containsEntry("rollout", 10);
		assertThat(flag.getHeader("ETag")).isEqualTo("\"1\"");
		perform(get(ADMIN + "/audit").with(reader), 200);
		String before = document();
		Map<String, Object> refused = problem(perform(disable("new-checkout", 1).with(reader), 403));
		assertThat((String) refused.get("detail")).contains("needs the role FLAGS_WRITE").contains("rita");
		assertThat(refused).containsEntry("type", "tag:flags.dev,2026:problem:forbidden");
		assertThat(document()).isEqualTo(before);
	}

	@Test
	void callerWithoutARoleMayNeitherReadNorWrite() throws Exception {
		RequestPostProcessor nobody = user("nora");
		assertThat((String) problem(perform(get(ADMIN + "/flags").with(nobody), 403)).get("detail"))
			.contains("FLAGS_READ");
		perform(get(ADMIN + "/flags/new-checkout/audit").with(nobody), 403);
		String before = document();
		perform(disable("new-checkout", 1).with(nobody), 403);
		assertThat(document()).isEqualTo(before);
	}

	@Test
	void unauthenticatedCallerIsAskedToAuthenticate() throws Exception {
		MockHttpServletResponse read = perform(get(ADMIN + "/flags"), 401);
		assertThat(problem(read)).containsEntry("title", "Authentication required");
		assertThat(read.getHeader("WWW-Authenticate")).isNotNull();
		String before = document();
		perform(disable("new-checkout", 1), 401);
		perform(withBody(put(ADMIN + "/flags/fresh"), "{\"flag\": {\"key\": \"fresh\"}, \"expectedVersion\": 0}"), 401);
		perform(delete(ADMIN + "/flags/new-checkout").header("If-Match", "\"1\""), 401);
		assertThat(document()).isEqualTo(before);
	}

	@Test
	void writerChangesAFlagWhichIsAuditedPublishedAndLogged(CapturedOutput output) throws Exception {
		Map<String, Object> written = body(perform(withBody(post(ADMIN + "/flags/new-checkout/rollout")
			.header("X-Request-Id", "req-42")
			.with(user("wendy").roles("FLAGS_WRITE")), "{\"rollout\": 25, \"expectedVersion\": 1, \"reason\": \"step 2\"}"),
				200));
		assertThat(map(written.get("flag"))).containsEntry("rollout", 25).containsEntry("version", 2);
		Map<String, Object> audit = map(written.get("audit"));
		assertThat(audit).containsEntry("type", "ROLLOUT_CHANGED")
			.containsEntry("flag", "new-checkout")
			.containsEntry("actor", "wendy")
			.containsEntry("reason", "step 2")
			.containsEntry("requestId", "req-42")
			.containsEntry("versionBefore", 1)
			.containsEntry("versionAfter", 2)
			.containsKeys("id", "time");
		assertThat(list(audit.get("changes")))
			.containsExactly(Map.of("field", "rollout", "before", 10, "after", 25));
		assertThat(this.registry.snapshot().flag("new-checkout").orElseThrow().rollout()).isEqualByComparingTo("25");
		assertThat(this.changed.events).singleElement().satisfies((event) -> {
			assertThat(event.record().id()).isEqualTo(audit.get("id"));
			assertThat(event.flag()).isEqualTo(this.store.load().flag("new-checkout").orElseThrow());
		});
		assertThat(output).contains("Flag 'new-checkout' ROLLOUT_CHANGED by wendy (version 1 -> 2): rollout 10 -> 25; "
				+ "reason: \"step 2\"; request req-42");
	}

	@Test
	void onlyTheFlagsEditorsOrItsOwnerMayChangeIt() throws Exception {
		String before = document();
		Map<String, Object> refused = problem(
				perform(confirmed(disable("payments", 1)).with(user("wendy").roles("FLAGS_WRITE")), 403));
		assertThat((String) refused.get("detail")).contains("editors [payments-oncall]")
			.contains("owner 'payments'")
			.contains("wendy");
		perform(confirmed(disable("payments", 1)).with(user("olga").roles("payments-oncall")), 403);
		assertThat(document()).isEqualTo(before);
		perform(confirmed(disable("payments", 1)).with(user("olga").roles("FLAGS_WRITE", "payments-oncall")), 200);
		perform(enable("payments", 2).with(user("pat").roles("FLAGS_WRITE", "payments")), 200);
		perform(withBody(post(ADMIN + "/flags/payments/rollout").with(user("payments-oncall").roles("FLAGS_WRITE")),
				"{\"rollout\": 90, \"expectedVersion\": 3}"), 200);
		assertThat(this.store.auditLog().read(AuditQuery.of("payments", 10)).records()).extracting(AuditRecord::actor)
			.containsExactly("payments-oncall", "pat", "olga");
		perform(disable("new-checkout", 1).with(user("wendy").roles("FLAGS_WRITE")), 200);
	}

	@Test
	void editorsChangeOnlyWithTheConsentOfTheCurrentEditors() throws Exception {
		String body = "{\"flag\": {\"key\": \"payments\", \"kind\": \"kill-switch\", \"enabled\": true, \"rollout\": 100, "
				+ "\"owner\": \"payments\", \"editors\": [\"wendy\"]}, \"expectedVersion\": 1}";
		perform(withBody(put(ADMIN + "/flags/payments"), body).with(user("wendy").roles("FLAGS_WRITE")), 403);
		perform(withBody(put(ADMIN + "/flags/payments"), body).with(user("olga").roles("FLAGS_WRITE", "payments-oncall")),
				200);
		perform(confirmed(disable("payments", 2)).with(user("wendy").roles("FLAGS_WRITE")), 200);
	}

	@Test
	void takingAnEntitlementAwayNeedsTheEntitlementRole() throws Exception {
		RequestPostProcessor writer = user("wendy").roles("FLAGS_WRITE");
		RequestPostProcessor entitled = user("erin").roles("FLAGS_WRITE", "FLAGS_ENTITLEMENTS");
		String before = document();
		assertThat((String) problem(perform(confirmed(disable("premium-support", 1)).with(writer), 403)).get("detail"))
			.contains("needs the role FLAGS_ENTITLEMENTS");
		perform(confirmed(withBody(delete(ADMIN + "/flags/premium-support"), "{\"expectedVersion\": 1}")).with(writer),
				403);
		perform(withBody(put(ADMIN + "/flags/premium-support").with(writer),
				"{\"flag\": {\"key\": \"premium-support\", \"kind\": \"release\"}, \"expectedVersion\": 1, "
						+ "\"confirm\": true, \"reason\": \"no longer sold\"}"),
				403);
		assertThat(document()).isEqualTo(before);
		perform(confirmed(disable("premium-support", 1)).with(entitled), 200);
		perform(confirmed(enable("premium-support", 2)).with(writer), 200);
		perform(confirmed(withBody(delete(ADMIN + "/flags/premium-support"), "{\"expectedVersion\": 3}")).with(entitled),
				200);
		assertThat(this.store.load().flag("premium-support")).isEmpty();
	}

	@Test
	void highImpactChangeIsRefusedUntilConfirmedWithAReasonSayingWhatToResend() throws Exception {
		RequestPostProcessor oncall = user("olga").roles("FLAGS_WRITE", "payments-oncall");
		String before = document();
		MockHttpServletResponse response = perform(disable("payments", 1).with(oncall), 428);
		Map<String, Object> refused = problem(response);
		assertThat(refused).containsEntry("type", "tag:flags.dev,2026:problem:confirmation-required")
			.containsEntry("title", "Confirmation required")
			.containsEntry("resend", Map.of("confirm", true, "reason", "<why this change is needed>", "expectedVersion", 1))
			.containsEntry("confirmationRequired", List.of("it turns off the kill switch 'payments'"));
		assertThat((String) refused.get("detail")).contains("\"confirm\": true").contains("\"reason\"");
		assertThat(list(refused.get("errors"))).extracting((error) -> error.get("field"))
			.containsExactly("confirm", "reason");
		perform(withBody(post(ADMIN + "/flags/payments/disable").with(oncall),
				"{\"expectedVersion\": 1, \"confirm\": true}"), 428);
		perform(withBody(post(ADMIN + "/flags/payments/disable").with(oncall),
				"{\"expectedVersion\": 1, \"confirm\": true, \"reason\": \"  \"}"), 428);
		Map<String, Object> withReasonOnly = problem(perform(withBody(post(ADMIN + "/flags/payments/disable").with(oncall),
				"{\"expectedVersion\": 1, \"reason\": \"provider down\"}"), 428));
		assertThat(map(withReasonOnly.get("resend"))).containsEntry("reason", "provider down");
		assertThat(document()).isEqualTo(before);
		assertThat(this.changed.events).isEmpty();
		Map<String, Object> done = body(perform(withBody(post(ADMIN + "/flags/payments/disable").with(oncall),
				"{\"expectedVersion\": 1, \"confirm\": true, \"reason\": \"provider down\"}"), 200));
		assertThat(map(done.get("audit"))).containsEntry("type", "DISABLED").containsEntry("reason", "provider down");
	}

	@Test
	void rolloutJumpsEntitlementsAndFlagsMarkedHighImpactNeedConfirmation() throws Exception {
		RequestPostProcessor writer = user("erin").roles("FLAGS_WRITE", "FLAGS_ENTITLEMENTS");
		assertThat(list(problem(perform(rollout("new-checkout", "61", 1).with(writer), 428)).get("confirmationRequired")))
			.singleElement()
			.asString()
			.contains("moves the rollout by 51 points (10 % to 61 %), more than the step of 50");
		perform(rollout("new-checkout", "60", 1).with(writer), 200);
		perform(rollout("new-checkout", "0", 2).with(writer), 428);
		perform(withBody(put(ADMIN + "/flags/everyone").with(writer),
				"{\"flag\": {\"key\": \"everyone\", \"rollout\": 100}, \"expectedVersion\": 0}"), 428);
		perform(withBody(put(ADMIN + "/flags/few").with(writer),
				"{\"flag\": {\"key\": \"few\", \"rollout\": 5}, \"expectedVersion\": 0}"), 201);
		assertThat(list(problem(perform(rollout("premium-support", "1", 1).with(writer), 428)).get("confirmationRequired")))
			.singleElement()
			.asString()
			.contains("entitlement");
		assertThat(list(problem(perform(rollout("pricing-engine", "99", 1).with(writer), 428)).get("confirmationRequired")))
			.singleElement()
			.asString()
			.contains("marks every change to it as high-impact");
		perform(confirmed(rollout("pricing-engine", "99", 1)).with(writer), 200);
	}

	@Test
	void createAnswers201AndIfMatchStandsForTheExpectedVersion() throws Exception {
		RequestPostProcessor writer = user("wendy").roles("FLAGS_WRITE");
		MockHttpServletResponse created = perform(withBody(put(ADMIN + "/flags/fresh").with(writer),
				"{\"flag\": {\"key\": \"fresh\", \"description\": \"New\", \"rollout\": 5, \"editors\": [\"web\"]}, "
						+ "\"expectedVersion\": 0, \"reason\": \"new feature\"}"),
				201);
		assertThat(created.getHeader("Location")).endsWith(ADMIN + "/flags/fresh");
		assertThat(created.getHeader("ETag")).isEqualTo("\"1\"");
		assertThat(map(body(created).get("audit"))).containsEntry("type", "CREATED").containsEntry("versionBefore", 0);
		assertThat(this.store.load().flag("fresh").orElseThrow().extra()).containsEntry("editors", List.of("web"));
		perform(withBody(post(ADMIN + "/flags/dark-mode/disable").header("If-Match", "\"1\"").with(writer), "{}"), 200);
		perform(delete(ADMIN + "/flags/dark-mode").header("If-Match", "\"2\"").with(writer), 200);
		assertThat(this.store.load().flag("dark-mode")).isEmpty();
		assertThat(this.changed.events).extracting((event) -> event.record().type())
			.containsExactly(AuditRecord.Type.CREATED, AuditRecord.Type.DISABLED, AuditRecord.Type.DELETED);
		assertThat(this.changed.events.get(2).flag()).isNull();
	}

	@Test
	void staleWriteIsAConflictNamingTheCurrentVersion() throws Exception {
		RequestPostProcessor writer = user("wendy").roles("FLAGS_WRITE");
		perform(disable("new-checkout", 1).with(writer), 200);
		String before = document();
		Map<String, Object> conflict = problem(perform(rollout("new-checkout", "20", 1).with(writer), 409));
		assertThat(conflict).containsEntry("currentVersion", 2)
			.containsEntry("expectedVersion", 1)
			.containsEntry("type", "tag:flags.dev,2026:problem:version-conflict");
		assertThat((String) conflict.get("detail")).contains("is at version 2, not 1");
		assertThat(list(conflict.get("errors"))).singleElement()
			.satisfies((error) -> assertThat(error).containsEntry("field", "expectedVersion"));
		perform(withBody(put(ADMIN + "/flags/new-checkout").with(writer),
				"{\"flag\": {\"key\": \"new-checkout\"}, \"expectedVersion\": 0}"), 409);
		assertThat(document()).isEqualTo(before);
	}

	@Test
	void ofTwoConcurrentWritersOnOneVersionExactlyOneWins() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			for (int round = 1; round <= 5; round++) {
				long version = round;
				CountDownLatch ready = new CountDownLatch(2);
				CountDownLatch go = new CountDownLatch(1);
				List<Future<MockHttpServletResponse>> writers = new ArrayList<>();
				for (String rollout : new String[] { "20", "30" }) {
					writers.add(executor.submit(() -> {
						ready.countDown();
						go.await();
						return this.mvc.perform(rollout("search", rollout, version).with(user("w" + rollout).roles("FLAGS_WRITE")))
							.andReturn()
							.getResponse();
					}));
				}
				assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
				go.countDown();
				List<MockHttpServletResponse> responses = new ArrayList<>();
				for (Future<MockHttpServletResponse> writer : writers) {
					responses.add(writer.get(30, TimeUnit.SECONDS));
				}
				assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsExactlyInAnyOrder(200, 409);
				MockHttpServletResponse loser = responses.stream().filter((r) -> r.getStatus() == 409).findFirst().get();
				MockHttpServletResponse winner = responses.stream().filter((r) -> r.getStatus() == 200).findFirst().get();
				assertThat(problem(loser)).containsEntry("currentVersion", (int) version + 1);
				Flag stored = this.store.load().flag("search").orElseThrow();
				assertThat(stored.currentVersion()).isEqualTo(version + 1);
				assertThat(body(winner)).extracting((b) -> map(b.get("flag")).get("rollout"))
					.isEqualTo(stored.rollout().intValue());
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.store.auditLog().read(AuditQuery.of("search", 5)).records())
			.allSatisfy((record) -> assertThat(record.actor()).isIn("w20", "w30"))
			.extracting(AuditRecord::versionAfter)
			.containsExactly(6L, 5L, 4L, 3L, 2L);
	}

	@Test
	void auditLogIsReadInPagesOverallAndPerFlag() throws Exception {
		RequestPostProcessor writer = user("wendy").roles("FLAGS_WRITE");
		for (int version = 1; version <= 3; version++) {
			perform(rollout("search", Integer.toString(version), version).with(writer), 200);
			perform(rollout("dark-mode", Integer.toString(50 - version), version).with(writer), 200);
		}
		RequestPostProcessor reader = user("rita").roles("FLAGS_READ");
		Map<String, Object> first = body(perform(get(ADMIN + "/flags/search/audit?limit=2").with(reader), 200));
		assertThat(list(first.get("records"))).extracting((record) -> record.get("versionAfter")).containsExactly(4, 3);
		Map<String, Object> second = body(
				perform(get(ADMIN + "/flags/search/audit?limit=2&before=" + first.get("next")).with(reader), 200));
		assertThat(list(second.get("records"))).extracting((record) -> record.get("versionAfter")).contains(2);
		Map<String, Object> recent = body(perform(get(ADMIN + "/audit?limit=3").with(reader), 200));
		assertThat(list(recent.get("records"))).extracting((record) -> record.get("flag"))
			.containsExactly("dark-mode", "search", "dark-mode");
		Map<String, Object> dark = body(perform(get(ADMIN + "/audit?flag=dark-mode&limit=3").with(reader), 200));
		assertThat(list(dark.get("records"))).extracting((record) -> record.get("versionAfter")).containsExactly(4, 3, 2);
		assertThat(list(dark.get("records"))).allSatisfy((record) -> assertThat(record).containsEntry("actor", "wendy"));
		assertThat(problem(perform(get(ADMIN + "/audit?limit=lots").with(reader), 400))).satisfies((problem) ->
				assertThat(list(problem.get("errors"))).singleElement().satisfies((error) -> assertThat(error).containsEntry("field", "limit")));
		perform(get(ADMIN + "/audit?limit=501").with(reader), 400);
		perform(get(ADMIN + "/audit?before=x-y").with(reader), 400);
	}

	@Test
	void everyKindOfChangeIsAudited() throws Exception {
		RequestPostProcessor writer = user("wendy").roles("FLAGS_WRITE");
		perform(withBody(put(ADMIN + "/flags/audited").with(writer),
				"{\"flag\": {\"key\": \"audited\", \"rollout\": 5}, \"expectedVersion\": 0}"), 201);
		perform(withBody(put(ADMIN + "/flags/audited").with(writer),
				"{\"flag\": {\"key\": \"audited\", \"rollout\": 5, \"description\": \"Now described\", \"owner\": \"web\"}, "
						+ "\"expectedVersion\": 1, \"reason\": \"describe\"}"),
				200);
		perform(disable("audited", 2).with(writer), 200);
		perform(enable("audited", 3).with(writer), 200);
		perform(rollout("audited", "30", 4).with(writer), 200);
		perform(withBody(delete(ADMIN + "/flags/audited").with(writer), "{\"expectedVersion\": 5, \"reason\": \"done\"}"),
				200);
		List<AuditRecord> records = this.store.auditLog().read(AuditQuery.of("audited", 10)).records();
		assertThat(records).extracting(AuditRecord::type)
			.containsExactly(AuditRecord.Type.DELETED, AuditRecord.Type.ROLLOUT_CHANGED, AuditRecord.Type.ENABLED,
					AuditRecord.Type.DISABLED, AuditRecord.Type.UPDATED, AuditRecord.Type.CREATED);
		assertThat(records.get(4).changedFields()).containsExactly("description", "owner");
		assertThat(records.get(4).reason()).isEqualTo("describe");
		assertThat(records.get(0).reason()).isEqualTo("done");
		List<AuditRecord> oldestFirst = new ArrayList<>(records);
		Collections.reverse(oldestFirst);
		assertThat(this.changed.events).extracting(FlagChangedEvent::record).containsExactlyElementsOf(oldestFirst);
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, int status) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		return response;
	}

	private String document() {
		return FlagsAdminBadInputTests.document(this.store);
	}

	static MockHttpServletRequestBuilder disable(String key, long version) {
		return withBody(post(ADMIN + "/flags/" + key + "/disable"), "{\"expectedVersion\": " + version + "}");
	}

	static MockHttpServletRequestBuilder enable(String key, long version) {
		return withBody(post(ADMIN + "/flags/" + key + "/enable"), "{\"expectedVersion\": " + version + "}");
	}

	static MockHttpServletRequestBuilder rollout(String key, String rollout, long version) {
		return withBody(post(ADMIN + "/flags/" + key + "/rollout"),
				"{\"rollout\": " + rollout + ", \"expectedVersion\": " + version + "}");
	}

	/** The request with {@code confirm} and a {@code reason} added to its JSON body. */
	static MockHttpServletRequestBuilder confirmed(MockHttpServletRequestBuilder request) {
		return request.with((servlet) -> {
			String body = new String(servlet.getContentAsByteArray(), StandardCharsets.UTF_8);
			servlet.setContent((body.substring(0, body.lastIndexOf('}'))
					+ ", \"confirm\": true, \"reason\": \"on purpose\"}").getBytes(StandardCharsets.UTF_8));
			return servlet;
		});
	}

	static MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> body(MockHttpServletResponse response) throws Exception {
		return json.readValue(response.getContentAsString(), Map.class);
	}

	static Map<String, Object> problem(MockHttpServletResponse response) throws Exception {
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		Map<String, Object> problem = body(response);
		assertThat(problem).containsEntry("status", response.getStatus()).containsKeys("type", "title", "detail", "instance");
		return problem;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

}
