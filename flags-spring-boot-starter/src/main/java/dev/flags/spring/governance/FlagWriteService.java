package dev.flags.spring.governance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.Change;
import dev.flags.core.audit.FieldChange;
import dev.flags.core.json.PlainJson;
import dev.flags.core.model.DefinitionProblem;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStoreException;
import dev.flags.core.store.FlagWrite;
import dev.flags.core.store.VersionConflictException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The one write path of flags: every change, through the admin API or the actuator endpoint,
 * goes through {@link #write}, which
 * <ol>
 * <li>refuses every write on a read-only instance, and when writes are not enabled;</li>
 * <li>checks that the caller is authenticated and holds the write role (when Spring Security is
 * active);</li>
 * <li>validates the request and the flag that would result;</li>
 * <li>checks that the caller is one of the flag's editors, and holds the entitlement role to take
 * an entitlement away (when Spring Security is active);</li>
 * <li>checks the version the write is based on against the stored one;</li>
 * <li>refuses a high-impact change that is not confirmed with a reason, saying what to resend;</li>
 * <li>has the store write the change and its audit record atomically, with its own version
 * check, so that of two writers based on one version exactly one wins;</li>
 * <li>publishes a {@link FlagChangedEvent} and logs one line at INFO.</li>
 * </ol>
 * A refused write throws a {@link FlagWriteRefusedException} and stores nothing.
 */
public class FlagWriteService {

	private static final Log logger = LogFactory.getLog(FlagWriteService.class);

	private static final String ANONYMOUS = "anonymous";

	private static final int LOGGED_VALUE_LENGTH = 120;

	private final FlagRegistry registry;

	private final FlagWritePolicy policy;

	private final @Nullable ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * Creates the service.
	 * @param registry the registry whose store is written
	 * @param policy the rules to enforce
	 * @param events where to publish {@link FlagChangedEvent}s, or null
	 * @param clock the clock for the time of changes
	 */
	public FlagWriteService(FlagRegistry registry, FlagWritePolicy policy, @Nullable ApplicationEventPublisher events,
			Clock clock) {
		this.registry = registry;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The rules this service enforces.
	 * @return the policy
	 */
	public FlagWritePolicy policy() {
		return this.policy;
	}

	/**
	 * Checks that a caller may read flags and their audit log: when secured, an authenticated
	 * caller with the read or the write role.
	 * @param caller who asks
	 * @throws FlagWriteRefusedException when the caller may not
	 */
	public void checkRead(Caller caller) {
		if (!this.policy.secured()) {
			return;
		}
		authenticated(caller);
		if (!caller.hasRole(this.policy.readRole()) && !caller.hasRole(this.policy.writeRole())) {
			throw new FlagWriteRefusedException(Refusal.FORBIDDEN, "Reading flags needs the role "
					+ this.policy.readRole() + " (or " + this.policy.writeRole() + "), which " + caller.name()
					+ " does not hold");
		}
	}

	/**
	 * Checks that a caller may write at all, before the request is read: the instance takes
	 * writes and, when secured, the caller is authenticated and holds the write role.
	 * @param caller who asks
	 * @throws FlagWriteRefusedException when the caller may not
	 */
	public void checkWrite(Caller caller) {
		if (this.policy.readOnly()) {
			throw new FlagWriteRefusedException(Refusal.READ_ONLY, "This instance is read-only (flags.read-only=true) "
					+ "and refuses every change to flags; make the change where flags are written");
		}
		if (!this.policy.writesEnabled()) {
			throw new FlagWriteRefusedException(Refusal.WRITES_DISABLED,
					"Changing flags is not enabled on this application: without Spring Security, set "
							+ "flags.write.enabled=true to allow it to anyone who can reach this API");
		}
		if (this.policy.secured()) {
			authenticated(caller);
			if (!caller.hasRole(this.policy.writeRole())) {
				throw new FlagWriteRefusedException(Refusal.FORBIDDEN, "Changing flags needs the role "
						+ this.policy.writeRole() + ", which " + caller.name() + " does not hold");
			}
		}
	}

	/**
	 * Makes a change to one flag through the governed write path.
	 * @param key the flag key
	 * @param edit what to do to the flag
	 * @param request who asks, on which version the change is based, why, and whether it is
	 * confirmed
	 * @return the flag as stored (null after a deletion) and the audit record of the change
	 * @throws FlagWriteRefusedException when the write is refused; nothing was stored
	 */
	public FlagWrite write(String key, FlagEdit edit, FlagWriteRequest request) {
		Caller caller = request.caller();
		checkWrite(caller);
		long expected = checkRequest(key, edit, request);
		Flag before = current(key);
		if (before == null && !(edit instanceof FlagEdit.Replace)) {
			throw notFound(key);
		}
		Flag after = edit.apply(before);
		if (after != null) {
			validate(after, edit);
		}
		checkAccess(caller, key, before, after);
		checkVersion(key, before, expected);
		checkConfirmation(key, before, after, request, expected);
		Change change = new Change(actor(caller), blankToNull(request.reason()), this.clock.instant(),
				request.requestId());
		FlagWrite write = store(key, after, expected, change);
		published(write);
		return write;
	}

	private void authenticated(Caller caller) {
		if (caller.name() == null) {
			throw new FlagWriteRefusedException(Refusal.UNAUTHENTICATED,
					"Authentication is required to read or change flags");
		}
	}

	private long checkRequest(String key, FlagEdit edit, FlagWriteRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!DefinitionsValidator.FLAG_KEY.matcher(key).matches()) {
			problems.add(new FieldProblem("key", "'" + key + "' is not a valid flag key: 1 to 128 characters of "
					+ "a-z, 0-9, '.', '_' or '-', starting with a letter or digit"));
		}
		String reason = request.reason();
		if (reason != null && reason.length() > this.policy.maxReasonLength()) {
			problems.add(new FieldProblem("reason", "must be at most " + this.policy.maxReasonLength()
					+ " characters (was " + reason.length() + ")"));
		}
		else if (reason != null && reason.chars().anyMatch(Character::isISOControl)) {
			problems.add(new FieldProblem("reason", "must not contain control characters such as line breaks"));
		}
		Long expected = request.expectedVersion();
		if (expected != null && expected < 0) {
			problems.add(new FieldProblem("expectedVersion", "must be 0 or more (was " + expected + ")"));
		}
		if (edit instanceof FlagEdit.Replace replace) {
			Flag flag = replace.flag();
			if (!flag.key().equals(key)) {
				problems.add(new FieldProblem("flag.key", "is '" + flag.key() + "' but the request is for flag '" + key
						+ "'; they must be equal"));
			}
			if (flag.version() != null && expected != null && !flag.version().equals(expected)) {
				problems.add(new FieldProblem("flag.version", "is " + flag.version() + " but expectedVersion is "
						+ expected + ": send the version you read in both, or leave version out"));
			}
		}
		if (!problems.isEmpty()) {
			throw FlagWriteRefusedException.invalid(problems);
		}
		if (expected == null) {
			throw new FlagWriteRefusedException(Refusal.VERSION_REQUIRED,
					"Every change must say which version of the flag it is based on: send expectedVersion "
							+ "(or an If-Match header) with the version you read, or 0 to create the flag",
					List.of(new FieldProblem("expectedVersion", "is required")), Map.of());
		}
		return expected;
	}

	private @Nullable Flag current(String key) {
		try {
			// The store, not the snapshot: the change must be judged against what it replaces.
			return this.registry.store().load().flag(key).orElse(null);
		}
		catch (FlagStoreException ex) {
			throw unavailable(key, ex);
		}
	}

	private void checkAccess(Caller caller, String key, @Nullable Flag before, @Nullable Flag after) {
		if (!this.policy.secured() || before == null) {
			return;
		}
		if (!FlagAccess.isEditor(caller, before)) {
			List<String> editors = Objects.requireNonNullElse(FlagAccess.editors(before), List.of());
			throw new FlagWriteRefusedException(Refusal.FORBIDDEN, "Flag '" + key + "' may be changed only by its "
					+ "editors " + editors + ((before.owner() != null) ? " or its owner '" + before.owner() + "'" : "")
					+ ", and " + caller.name() + " is neither");
		}
		if (FlagAccess.takesEntitlementAway(before, after) && !caller.hasRole(this.policy.entitlementRole())) {
			throw new FlagWriteRefusedException(Refusal.FORBIDDEN, "Deleting or disabling the entitlement flag '" + key
					+ "', or changing its kind, needs the role " + this.policy.entitlementRole() + ", which "
					+ caller.name() + " does not hold");
		}
	}

	private void checkVersion(String key, @Nullable Flag before, long expected) {
		if (before == null && expected != 0) {
			throw notFound(key);
		}
		long current = (before != null) ? before.currentVersion() : 0;
		if (current != expected) {
			throw conflict(new VersionConflictException(key, expected, current));
		}
	}

	private void validate(Flag after, FlagEdit edit) {
		String prefix = (edit instanceof FlagEdit.Replace) ? "flag." : "";
		List<FieldProblem> problems = new ArrayList<>();
		for (DefinitionProblem problem : DefinitionsValidator.problems(after)) {
			problems.add(new FieldProblem(prefix + problem.field(), problem.reason()));
		}
		// Only a new definition is held to them: a stored flag with odd fields can still be switched.
		if (edit instanceof FlagEdit.Replace) {
			String editors = FlagAccess.editorsProblem(after);
			if (editors != null) {
				problems.add(new FieldProblem(prefix + FlagAccess.EDITORS, editors));
			}
			String highImpact = HighImpactChanges.highImpactProblem(after);
			if (highImpact != null) {
				problems.add(new FieldProblem(prefix + HighImpactChanges.HIGH_IMPACT, highImpact));
			}
		}
		if (!problems.isEmpty()) {
			throw FlagWriteRefusedException.invalid(problems);
		}
	}

	private void checkConfirmation(String key, @Nullable Flag before, @Nullable Flag after, FlagWriteRequest request,
			long expected) {
		List<String> reasons = HighImpactChanges.reasons(key, before, after, this.policy.rolloutStep());
		if (reasons.isEmpty() || request.confirmed() && blankToNull(request.reason()) != null) {
			return;
		}
		Map<String, Object> resend = new LinkedHashMap<>();
		resend.put("confirm", true);
		resend.put("reason", (request.reason() != null && !request.reason().isBlank()) ? request.reason()
				: "<why this change is needed>");
		resend.put("expectedVersion", expected);
		List<FieldProblem> problems = new ArrayList<>();
		if (!request.confirmed()) {
			problems.add(new FieldProblem("confirm", "must be true to make this high-impact change"));
		}
		if (blankToNull(request.reason()) == null) {
			problems.add(new FieldProblem("reason", "is required for a high-impact change"));
		}
		throw new FlagWriteRefusedException(Refusal.CONFIRMATION_REQUIRED, "Flag '" + key
				+ "' was not changed: the change is high-impact because " + String.join("; and ", reasons)
				+ ". Send the same request again with \"confirm\": true and a \"reason\" saying why",
				problems, Map.of("confirmationRequired", reasons, "resend", resend));
	}

	private FlagWrite store(String key, @Nullable Flag after, long expected, Change change) {
		try {
			return (after != null) ? this.registry.save(after, expected, change)
					: this.registry.delete(key, expected, change);
		}
		catch (VersionConflictException ex) {
			// Whoever asks next should see the flag as it now is.
			this.registry.refresh();
			throw (ex.currentVersion() != null) ? conflict(ex) : notFound(key);
		}
		catch (InvalidDefinitionsException ex) {
			// The flag was valid on its own: what the whole document refuses concerns it as a whole.
			throw FlagWriteRefusedException.invalid(ex.problems()
				.stream()
				.map((problem) -> new FieldProblem(problem.field(), problem.location() + ": " + problem.reason()))
				.toList());
		}
		catch (FlagStoreException ex) {
			throw unavailable(key, ex);
		}
	}

	private void published(FlagWrite write) {
		AuditRecord record = write.audit();
		if (logger.isInfoEnabled()) {
			logger.info(describe(record));
		}
		if (this.events != null) {
			try {
				this.events.publishEvent(new FlagChangedEvent(this, record, write.flag()));
			}
			catch (RuntimeException ex) {
				// The change is stored: a failing listener must not make it look refused.
				logger.warn("A listener of the change to flag '" + record.flag() + "' failed", ex);
			}
		}
	}

	private String actor(Caller caller) {
		String name = caller.name();
		return (name != null && !name.isBlank()) ? name : ANONYMOUS;
	}

	static FlagWriteRefusedException notFound(String key) {
		return new FlagWriteRefusedException(Refusal.NOT_FOUND,
				"No flag '" + key + "' is defined; to create it, send its definition with expectedVersion 0",
				List.of(new FieldProblem("key", "no flag '" + key + "' is defined")), Map.of());
	}

	private static FlagWriteRefusedException conflict(VersionConflictException ex) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("expectedVersion", ex.expectedVersion());
		if (ex.currentVersion() != null) {
			properties.put("currentVersion", ex.currentVersion());
		}
		String reason = (ex.currentVersion() != null) ? "the flag is at version " + ex.currentVersion()
				: "the flag does not exist";
		return new FlagWriteRefusedException(Refusal.CONFLICT, ex.getMessage(),
				List.of(new FieldProblem("expectedVersion", reason)), properties);
	}

	private static FlagWriteRefusedException unavailable(String key, FlagStoreException ex) {
		return new FlagWriteRefusedException(Refusal.UNAVAILABLE,
				"Flag '" + key + "' was not changed: the store is not available (" + ex.getMessage() + ")");
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text != null && !text.isBlank()) ? text : null;
	}

	/** One line: what changed, by whom, why; values cut short and control characters dropped. */
	static String describe(AuditRecord record) {
		StringBuilder line = new StringBuilder("Flag '").append(record.flag())
			.append("' ")
			.append(record.type())
			.append(" by ")
			.append(clean(record.actor()))
			.append(" (version ")
			.append(record.versionBefore())
			.append(" -> ")
			.append(record.versionAfter())
			.append(")");
		if (record.type() != AuditRecord.Type.CREATED && record.type() != AuditRecord.Type.DELETED
				&& !record.changes().isEmpty()) {
			List<String> changes = new ArrayList<>();
			for (FieldChange change : record.changes()) {
				changes.add(change.field() + " " + value(change.before()) + " -> " + value(change.after()));
			}
			line.append(": ").append(String.join(", ", changes));
		}
		if (record.reason() != null) {
			line.append("; reason: \"").append(clean(record.reason())).append('"');
		}
		if (record.requestId() != null) {
			line.append("; request ").append(clean(record.requestId()));
		}
		return line.toString();
	}

	private static String value(@Nullable Object value) {
		String json = PlainJson.write(value);
		return (json.length() > LOGGED_VALUE_LENGTH) ? json.substring(0, LOGGED_VALUE_LENGTH) + "…" : json;
	}

	private static String clean(String text) {
		return text.codePoints()
			.map((c) -> Character.isISOControl(c) ? ' ' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
