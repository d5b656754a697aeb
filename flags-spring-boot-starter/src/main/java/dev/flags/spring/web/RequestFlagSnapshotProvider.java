package dev.flags.spring.web;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.FlagSnapshotProvider;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The {@link FlagSnapshotProvider} of a servlet web application: within a request, the
 * registry's snapshot as it was at the request's first evaluation, kept in a request attribute,
 * so that a flag changed mid-request keeps the decision the request first got; outside a
 * request, the registry's current snapshot.
 */
public final class RequestFlagSnapshotProvider implements FlagSnapshotProvider {

	private static final String ATTRIBUTE = RequestFlagSnapshotProvider.class.getName() + ".SNAPSHOT";

	private final FlagRegistry registry;

	/**
	 * Creates the provider.
	 * @param registry the registry whose snapshot is pinned
	 */
	public RequestFlagSnapshotProvider(FlagRegistry registry) {
		this.registry = registry;
	}

	@Override
	public FlagSnapshot currentSnapshot() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			return this.registry.snapshot();
		}
		Object pinned;
		try {
			pinned = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		}
		catch (IllegalStateException ex) {
			// The request has completed: nothing to pin to.
			return this.registry.snapshot();
		}
		if (pinned instanceof FlagSnapshot snapshot) {
			return snapshot;
		}
		FlagSnapshot snapshot = this.registry.snapshot();
		attributes.setAttribute(ATTRIBUTE, snapshot, RequestAttributes.SCOPE_REQUEST);
		return snapshot;
	}

}
