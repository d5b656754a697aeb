package dev.flags.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Finds the key of the user a request was authenticated as: the server-known identity that
 * flag rules can trust. Declare a bean of this type to key contexts by something else than the
 * principal's name, such as a user id.
 */
@FunctionalInterface
public interface PrincipalKeyResolver {

	/**
	 * The key of the request's authenticated user.
	 * @param request the request
	 * @return the key, or null when the request is not authenticated
	 */
	@Nullable String resolveKey(HttpServletRequest request);

}
