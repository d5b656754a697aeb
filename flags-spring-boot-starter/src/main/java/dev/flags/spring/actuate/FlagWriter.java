package dev.flags.spring.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.flags.core.model.Flag;
import dev.flags.spring.actuate.FlagChange.InvalidFlagChangeException;
import dev.flags.spring.actuate.FlagsEndpoint.ErrorDescriptor;
import dev.flags.spring.actuate.FlagsEndpoint.FlagDescriptor;
import dev.flags.spring.actuate.FlagsEndpoint.ProblemDescriptor;
import dev.flags.spring.governance.Caller;
import dev.flags.spring.governance.FlagEdit;
import dev.flags.spring.governance.FlagWriteRefusedException;
import dev.flags.spring.governance.FlagWriteRequest;
import dev.flags.spring.governance.FlagWriteService;
import dev.flags.spring.governance.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The write of the {@link FlagsEndpoint}: reads the fields of the request and hands the change to
 * the governed write path, answering its refusals in the endpoint's error shape. Only a
 * {@code 200} response means something was stored.
 */
final class FlagWriter {

	private final FlagWriteService writes;

	FlagWriter(FlagWriteService writes) {
		this.writes = writes;
	}

	WebEndpointResponse<?> write(String key, Request request, SecurityContext securityContext) {
		Caller caller = Caller.of(securityContext.getPrincipal(), securityContext::isUserInRole);
		try {
			this.writes.checkWrite(caller);
			List<ProblemDescriptor> problems = new ArrayList<>();
			FlagChange change = null;
			try {
				change = FlagChange.read(request.enabled(), request.rollout(), request.expectedVersion());
			}
			catch (InvalidFlagChangeException ex) {
				problems.addAll(ex.problems());
			}
			if (request.reason() != null && !(request.reason() instanceof String)) {
				problems.add(new ProblemDescriptor("reason", "must be a string (was " + request.reason() + ")"));
			}
			Boolean confirm = confirm(request.confirm());
			if (request.confirm() != null && confirm == null) {
				problems.add(new ProblemDescriptor("confirm", "must be true or false (was "
						+ describe(request.confirm()) + ")"));
			}
			if (change == null || !problems.isEmpty()) {
				return ErrorDescriptor.notChanged(key, problems);
			}
			Flag stored = Objects.requireNonNull(this.writes.write(key, FlagEdit.change(change.enabled(), change.rollout()),
					new FlagWriteRequest(caller, change.expectedVersion(), (String) request.reason(),
							Boolean.TRUE.equals(confirm), null))
				.flag());
			return new WebEndpointResponse<>(FlagDescriptor.of(stored));
		}
		catch (FlagWriteRefusedException ex) {
			return refused(key, ex);
		}
	}

	static WebEndpointResponse<ErrorDescriptor> refused(String key, FlagWriteRefusedException ex) {
		if (ex.refusal() == Refusal.NOT_FOUND) {
			return ErrorDescriptor.notFound(key);
		}
		List<ProblemDescriptor> problems = ex.problems()
			.stream()
			.map((problem) -> new ProblemDescriptor(problem.field(), problem.reason()))
			.toList();
		if (ex.refusal() == Refusal.INVALID) {
			return ErrorDescriptor.notChanged(key, problems);
		}
		return new WebEndpointResponse<>(
				new ErrorDescriptor(ex.getMessage(), problems.isEmpty() ? null : problems, ex.currentVersion()),
				ex.refusal().status());
	}

	private static @Nullable Boolean confirm(@Nullable Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if ("true".equals(value) || "false".equals(value)) {
			return Boolean.valueOf((String) value);
		}
		return null;
	}

	private static String describe(Object value) {
		return (value instanceof CharSequence) ? "the string \"" + value + "\"" : String.valueOf(value);
	}

	/**
	 * The fields of a write request, as actuator hands them over.
	 *
	 * @param enabled the value of {@code enabled}
	 * @param rollout the value of {@code rollout}
	 * @param expectedVersion the value of {@code expectedVersion}
	 * @param reason the value of {@code reason}
	 * @param confirm the value of {@code confirm}
	 */
	record Request(@Nullable Object enabled, @Nullable Object rollout, @Nullable Object expectedVersion,
			@Nullable Object reason, @Nullable Object confirm) {
	}

}
