package dev.flags.spring.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Keys a context by the name of the request's {@link HttpServletRequest#getUserPrincipal()
 * user principal}, as set by the servlet container's authentication.
 */
public final class ServletPrincipalKeyResolver implements PrincipalKeyResolver {

	@Override
	public @Nullable String resolveKey(HttpServletRequest request) {
		Principal principal = request.getUserPrincipal();
		return (principal != null) ? principal.getName() : null;
	}

}
