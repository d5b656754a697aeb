package dev.flags.spring.admin;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.flags.core.audit.AuditJson;
import dev.flags.core.audit.AuditPage;
import dev.flags.core.audit.AuditQuery;
import dev.flags.core.json.PlainJson;
import dev.flags.core.model.Flag;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStoreException;
import dev.flags.core.store.FlagWrite;
import dev.flags.spring.governance.Caller;
import dev.flags.spring.governance.FieldProblem;
import dev.flags.spring.governance.FlagEdit;
import dev.flags.spring.governance.FlagWriteRefusedException;
import dev.flags.spring.governance.FlagWriteRequest;
import dev.flags.spring.governance.FlagWriteService;
import dev.flags.spring.governance.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin REST API of flags, under {@code flags.admin.path} (default {@code /flags/admin}):
 * <ul>
 * <li>{@code GET /flags}, {@code GET /flags/{key}}: the definitions, in the JSON format of the
 * evaluation spec; a flag's {@code ETag} is its version;</li>
 * <li>{@code PUT /flags/{key}} with {@code {"flag": {…}, "expectedVersion": 3, "reason": "…",
 * "confirm": true}}: creates (expectedVersion 0) or replaces a flag;</li>
 * <li>{@code POST /flags/{key}/enable}, {@code /disable} with {@code {"expectedVersion": 3, …}};
 * {@code POST /flags/{key}/rollout} with {@code {"rollout": 50, "expectedVersion": 3, …}};</li>
 * <li>{@code DELETE /flags/{key}} with {@code {"expectedVersion": 3, …}} or {@code If-Match};</li>
 * <li>{@code GET /audit?flag=&before=&limit=}, {@code GET /flags/{key}/audit?before=&limit=}:
 * the audit log, newest first.</li>
 * </ul>
 * Every write goes through the governed {@link FlagWriteService}; {@code If-Match: "3"} may stand
 * for {@code expectedVersion}. Every refusal is an RFC 9457 problem detail
 * ({@code application/problem+json}) whose {@code errors} name each field at fault and why; nothing
 * is stored unless the answer is 200 or 201.
 */
@RestController
@RequestMapping("${flags.admin.path:/flags/admin}")
public class FlagsAdminController {

	private static final Set<String> REPLACE_FIELDS = Set.of(AdminBody.FLAG, AdminBody.EXPECTED_VERSION,
			AdminBody.REASON, AdminBody.CONFIRM);

	private static final Set<String> SWITCH_FIELDS = Set.of(AdminBody.EXPECTED_VERSION, AdminBody.REASON,
			AdminBody.CONFIRM);

	private static final Set<String> ROLLOUT_FIELDS = Set.of(AdminBody.ROLLOUT, AdminBody.EXPECTED_VERSION,
			AdminBody.REASON, AdminBody.CONFIRM);

	private static final String REQUEST_ID = "X-Request-Id";

	private static final Pattern REQUEST_ID_VALUE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private final FlagWriteService writes;

	private final FlagRegistry registry;

	private final long maxPayloadSize;

	/**
	 * Creates the controller.
	 * @param writes the governed write path
	 * @param registry the registry whose flags it shows
	 * @param maxPayloadSize the largest request body it reads, in bytes
	 */
	public FlagsAdminController(FlagWriteService writes, FlagRegistry registry, long maxPayloadSize) {
		this.writes = writes;
		this.registry = registry;
		this.maxPayloadSize = maxPayloadSize;
	}

	/**
	 * Every flag's definition, in document order.
	 * @param request the request
	 * @return {@code {"flags": [...]}}
	 */
	@GetMapping("/flags")
	public Map<String, Object> flags(HttpServletRequest request) {
		this.writes.checkRead(caller(request));
		return Map.of("flags", this.registry.snapshot().definitions().flags().stream().map(PlainJson::flag).toList());
	}

	/**
	 * One flag's definition, with its version as the {@code ETag}.
	 * @param key the flag key
	 * @param request the request
	 * @return the definition
	 */
	@GetMapping("/flags/{key}")
	public ResponseEntity<Map<String, @Nullable Object>> flag(@PathVariable String key, HttpServletRequest request) {
		this.writes.checkRead(caller(request));
		Flag flag = this.registry.snapshot()
			.flag(key)
			.orElseThrow(() -> new FlagWriteRefusedException(Refusal.NOT_FOUND, "No flag '" + key + "' is defined",
					List.of(new FieldProblem("key", "no flag '" + key + "' is defined")), Map.of()));
		return ResponseEntity.ok().eTag(eTag(flag)).body(PlainJson.flag(flag));
	}

	/**
	 * Creates a flag ({@code expectedVersion} 0) or replaces its definition.
	 * @param key the flag key
	 * @param request the request, whose body holds {@code flag}, {@code expectedVersion},
	 * {@code reason} and {@code confirm}
	 * @return 201 with the created flag, or 200 with the replaced one, and the audit record
	 * @throws IOException when the body cannot be read
	 */
	@PutMapping("/flags/{key}")
	public ResponseEntity<Map<String, @Nullable Object>> put(@PathVariable String key, HttpServletRequest request)
			throws IOException {
		Caller caller = caller(request);
		this.writes.checkWrite(caller);
		AdminBody body = AdminBody.read(request, this.maxPayloadSize, true, REPLACE_FIELDS);
		Flag flag = body.flag();
		FlagWriteRequest terms = terms(caller, body, request);
		body.check();
		FlagWrite write = this.writes.write(key, FlagEdit.replace(Objects.requireNonNull(flag)), terms);
		if (write.audit().versionBefore() == 0) {
			return written(ResponseEntity.created(URI.create(request.getRequestURI())), write);
		}
		return written(ResponseEntity.ok(), write);
	}

	/**
	 * Turns a flag on.
	 * @param key the flag key
	 * @param request the request, whose body holds {@code expectedVersion}, {@code reason} and
	 * {@code confirm}
	 * @return the flag as stored and the audit record
	 * @throws IOException when the body cannot be read
	 */
	@PostMapping("/flags/{key}/enable")
	public ResponseEntity<Map<String, @Nullable Object>> enable(@PathVariable String key, HttpServletRequest request)
			throws IOException {
		return switchTo(true, key, request);
	}

	/**
	 * Turns a flag off for everyone.
	 * @param key the flag key
	 * @param request the request, whose body holds {@code expectedVersion}, {@code reason} and
	 * {@code confirm}
	 * @return the flag as stored and the audit record
	 * @throws IOException when the body cannot be read
	 */
	@PostMapping("/flags/{key}/disable")
	public ResponseEntity<Map<String, @Nullable Object>> disable(@PathVariable String key, HttpServletRequest request)
			throws IOException {
		return switchTo(false, key, request);
	}

	/**
	 * Sets a flag's rollout.
	 * @param key the flag key
	 * @param request the request, whose body holds {@code rollout}, {@code expectedVersion},
	 * {@code reason} and {@code confirm}
	 * @return the flag as stored and the audit record
	 * @throws IOException when the body cannot be read
	 */
	@PostMapping("/flags/{key}/rollout")
	public ResponseEntity<Map<String, @Nullable Object>> rollout(@PathVariable String key, HttpServletRequest request)
			throws IOException {
		Caller caller = caller(request);
		this.writes.checkWrite(caller);
		AdminBody body = AdminBody.read(request, this.maxPayloadSize, true, ROLLOUT_FIELDS);
		BigDecimal rollout = body.rollout();
		FlagWriteRequest terms = terms(caller, body, request);
		body.check();
		return written(ResponseEntity.ok(), this.writes.write(key, FlagEdit.rollout(Objects.requireNonNull(rollout)), terms));
	}

	/**
	 * Deletes a flag.
	 * @param key the flag key
	 * @param request the request, whose body (optional) holds {@code expectedVersion},
	 * {@code reason} and {@code confirm}; {@code If-Match} may give the version instead
	 * @return the audit record
	 * @throws IOException when the body cannot be read
	 */
	@DeleteMapping("/flags/{key}")
	public ResponseEntity<Map<String, @Nullable Object>> delete(@PathVariable String key, HttpServletRequest request)
			throws IOException {
		Caller caller = caller(request);
		this.writes.checkWrite(caller);
		AdminBody body = AdminBody.read(request, this.maxPayloadSize, false, SWITCH_FIELDS);
		FlagWriteRequest terms = terms(caller, body, request);
		body.check();
		return written(ResponseEntity.ok(), this.writes.write(key, FlagEdit.delete(), terms));
	}

	/**
	 * The audit log of every flag, or of one, newest first.
	 * @param flag the flag, or null for all
	 * @param before the {@code next} of the previous page
	 * @param limit the page size
	 * @param request the request
	 * @return {@code {"records": [...], "next": "…"}}
	 */
	@GetMapping("/audit")
	public Map<String, Object> audit(@RequestParam(required = false) @Nullable String flag,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String limit, HttpServletRequest request) {
		this.writes.checkRead(caller(request));
		return page(flag, before, limit);
	}

	/**
	 * The audit log of one flag, newest first.
	 * @param key the flag key
	 * @param before the {@code next} of the previous page
	 * @param limit the page size
	 * @param request the request
	 * @return {@code {"records": [...], "next": "…"}}
	 */
	@GetMapping("/flags/{key}/audit")
	public Map<String, Object> flagAudit(@PathVariable String key,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String limit, HttpServletRequest request) {
		this.writes.checkRead(caller(request));
		return page(key, before, limit);
	}

	/**
	 * Answers a refusal as an RFC 9457 problem detail.
	 * @param ex the refusal
	 * @param request the request
	 * @return the problem detail, with {@code errors} naming each field at fault
	 */
	@ExceptionHandler(FlagWriteRefusedException.class)
	public ResponseEntity<ProblemDetail> refused(FlagWriteRefusedException ex, HttpServletRequest request) {
		Refusal refusal = ex.refusal();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(refusal.status()),
				ex.getMessage());
		problem.setType(refusal.type());
		problem.setTitle(refusal.title());
		problem.setInstance(URI.create(request.getRequestURI()));
		if (!ex.problems().isEmpty()) {
			problem.setProperty("errors", ex.problems().stream().map(FlagsAdminController::error).toList());
		}
		ex.properties().forEach(problem::setProperty);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(refusal.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (refusal == Refusal.READ_ONLY) {
			response.allow(HttpMethod.GET, HttpMethod.HEAD);
		}
		if (refusal == Refusal.UNAUTHENTICATED) {
			response.header("WWW-Authenticate", "Basic realm=\"flags\"");
		}
		return response.body(problem);
	}

	private ResponseEntity<Map<String, @Nullable Object>> switchTo(boolean enabled, String key,
			HttpServletRequest request) throws IOException {
		Caller caller = caller(request);
		this.writes.checkWrite(caller);
		AdminBody body = AdminBody.read(request, this.maxPayloadSize, true, SWITCH_FIELDS);
		FlagWriteRequest terms = terms(caller, body, request);
		body.check();
		return written(ResponseEntity.ok(), this.writes.write(key, FlagEdit.enabled(enabled), terms));
	}

	private Map<String, Object> page(@Nullable String flag, @Nullable String before, @Nullable String limit) {
		int size = AuditQuery.DEFAULT_LIMIT;
		if (limit != null) {
			try {
				size = Integer.parseInt(limit);
			}
			catch (NumberFormatException ex) {
				throw FlagWriteRefusedException.invalid("limit", "must be a whole number from 1 to "
						+ AuditQuery.MAX_LIMIT);
			}
		}
		AuditPage page;
		try {
			page = this.registry.auditLog().read(new AuditQuery(flag, before, size));
		}
		catch (IllegalArgumentException ex) {
			throw FlagWriteRefusedException.invalid((limit != null && (size < 1 || size > AuditQuery.MAX_LIMIT))
					? "limit" : "before", ex.getMessage());
		}
		catch (FlagStoreException ex) {
			throw new FlagWriteRefusedException(Refusal.UNAVAILABLE, "The audit log cannot be read: " + ex.getMessage());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("records", page.records().stream().map(AuditJson::toMap).toList());
		if (page.next() != null) {
			body.put("next", page.next());
		}
		return body;
	}

	private static FlagWriteRequest terms(Caller caller, AdminBody body, HttpServletRequest request) {
		return new FlagWriteRequest(caller, body.expectedVersion(), body.reason(), body.confirm(), requestId(request));
	}

	private static ResponseEntity<Map<String, @Nullable Object>> written(ResponseEntity.BodyBuilder response,
			FlagWrite write) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		Flag flag = write.flag();
		body.put("flag", (flag != null) ? PlainJson.flag(flag) : null);
		body.put("audit", AuditJson.toMap(write.audit()));
		if (flag != null) {
			response.eTag(eTag(flag));
		}
		return response.body(body);
	}

	private static Caller caller(HttpServletRequest request) {
		return Caller.of(request.getUserPrincipal(), request::isUserInRole);
	}

	private static String requestId(HttpServletRequest request) {
		String id = request.getHeader(REQUEST_ID);
		return (id != null && REQUEST_ID_VALUE.matcher(id).matches()) ? id : UUID.randomUUID().toString();
	}

	private static String eTag(Flag flag) {
		return "\"" + flag.currentVersion() + "\"";
	}

	private static Map<String, String> error(FieldProblem problem) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", problem.field());
		error.put("reason", problem.reason());
		return error;
	}

}
