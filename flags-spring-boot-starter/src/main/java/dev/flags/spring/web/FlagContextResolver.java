package dev.flags.spring.web;

import dev.flags.core.model.FlagContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * Builds the flag context of an HTTP request. {@link RequestFlagContextProvider} calls it once
 * per request and keeps the result for the rest of the request. Declare a bean of this type to
 * replace the starter's {@link RequestFlagContextResolver}.
 */
@FunctionalInterface
public interface FlagContextResolver {

	/**
	 * Builds the context of a request.
	 * @param request the request
	 * @param response the response, to set cookies on; null when not available
	 * @return the context
	 */
	FlagContext resolve(HttpServletRequest request, @Nullable HttpServletResponse response);

}
