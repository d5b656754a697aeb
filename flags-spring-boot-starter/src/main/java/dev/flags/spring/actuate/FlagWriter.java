package dev.flags.spring.actuate;

import java.security.Principal;
import java.util.List;

import dev.flags.core.model.DefinitionProblem;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStoreException;
import dev.flags.core.store.VersionConflictException;
import dev.flags.spring.actuate.FlagsEndpoint.ErrorDescriptor;
import dev.flags.spring.actuate.FlagsEndpoint.FlagDescriptor;
import dev.flags.spring.actuate.FlagsEndpoint.ProblemDescriptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The write of the {@link FlagsEndpoint}: reads the flag from the store, applies the change,
 * validates the result and saves it through the registry with the store's version check. Only a
 * {@code 200} response means something was stored.
 */
final class FlagWriter {

	// Under the endpoint's name: that is the logger an operator looks for.
	private static final Log logger = LogFactory.getLog(FlagsEndpoint.class);

	private static final int CONFLICT = 409;

	private final FlagRegistry registry;

	FlagWriter(FlagRegistry registry) {
		this.registry = registry;
	}

	WebEndpointResponse<?> write(String key, FlagChange change, @Nullable Principal principal) {
		Flag current;
		try {
			// From the store rather than the snapshot: the change must be based on the stored flag.
			current = this.registry.store().load().flag(key).orElse(null);
		}
		catch (FlagStoreException ex) {
			return unavailable(key, ex);
		}
		if (current == null) {
			return ErrorDescriptor.notFound(key);
		}
		Flag changed = change.applyTo(current);
		List<DefinitionProblem> problems = DefinitionsValidator.problems(changed);
		if (!problems.isEmpty()) {
			return ErrorDescriptor.notChanged(key, describe(problems));
		}
		long expected = (change.expectedVersion() != null) ? change.expectedVersion() : current.currentVersion();
		try {
			Flag stored = this.registry.save(changed, expected);
			log(change, stored, principal);
			return new WebEndpointResponse<>(FlagDescriptor.of(stored));
		}
		catch (VersionConflictException ex) {
			// Whoever asks next should see the flag as it now is.
			this.registry.refresh();
			if (ex.currentVersion() == null) {
				return ErrorDescriptor.notFound(key);
			}
			return new WebEndpointResponse<>(new ErrorDescriptor(ex.getMessage(), null, ex.currentVersion()),
					CONFLICT);
		}
		catch (InvalidDefinitionsException ex) {
			return ErrorDescriptor.notChanged(key, describe(ex.problems()));
		}
		catch (FlagStoreException ex) {
			return unavailable(key, ex);
		}
	}

	private static List<ProblemDescriptor> describe(List<DefinitionProblem> problems) {
		return problems.stream().map((problem) -> new ProblemDescriptor(problem.field(), problem.reason())).toList();
	}

	private static WebEndpointResponse<ErrorDescriptor> unavailable(String key, FlagStoreException ex) {
		return new WebEndpointResponse<>(new ErrorDescriptor(
				"Flag '" + key + "' was not changed: the store is not available (" + ex.getMessage() + ")", null, null),
				WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
	}

	private static void log(FlagChange change, Flag stored, @Nullable Principal principal) {
		if (logger.isInfoEnabled()) {
			logger.info("Flag '" + stored.key() + "' changed through the " + FlagsEndpoint.ID + " endpoint by "
					+ ((principal != null) ? principal.getName() : "an unauthenticated caller") + ": "
					+ ((change.enabled() != null) ? "enabled=" + change.enabled() + " " : "")
					+ ((change.rollout() != null) ? "rollout=" + change.rollout().toPlainString() + " " : "")
					+ "(now version " + stored.currentVersion() + ")");
		}
	}

}
