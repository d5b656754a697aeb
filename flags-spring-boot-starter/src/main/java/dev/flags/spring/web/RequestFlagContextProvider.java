package dev.flags.spring.web;

import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagContextProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@link FlagContextProvider} of a servlet web application: within a request, the context
 * the {@link FlagContextResolver} builds at the request's first evaluation, kept in a request
 * attribute for the rest of it; outside a request, the anonymous context. A request whose
 * context cannot be resolved is evaluated for the anonymous context.
 */
public final class RequestFlagContextProvider implements FlagContextProvider {

	private static final Log logger = LogFactory.getLog(RequestFlagContextProvider.class);

	private static final String ATTRIBUTE = RequestFlagContextProvider.class.getName() + ".CONTEXT";

	private final FlagContextResolver resolver;

	/**
	 * Creates the provider.
	 * @param resolver builds the context of a request
	 */
	public RequestFlagContextProvider(FlagContextResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public FlagContext currentContext() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return FlagContext.anonymous();
		}
		Object kept;
		try {
			kept = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		}
		catch (IllegalStateException ex) {
			// The request has completed: there is no request left to resolve a context for.
			return FlagContext.anonymous();
		}
		if (kept instanceof FlagContext context) {
			return context;
		}
		FlagContext context;
		try {
			context = this.resolver.resolve(attributes.getRequest(), attributes.getResponse());
		}
		catch (RuntimeException ex) {
			// Kept like any context, so the request's decisions stay consistent and this is logged once.
			logger.warn("Could not resolve the flag context of " + attributes.getRequest().getRequestURI()
					+ "; the request is evaluated for the anonymous context", ex);
			context = FlagContext.anonymous();
		}
		attributes.setAttribute(ATTRIBUTE, context, RequestAttributes.SCOPE_REQUEST);
		return context;
	}

}
