package dev.flags.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Keys a context by the name of Spring Security's current {@link Authentication}, when it is
 * authenticated and not anonymous.
 */
public final class SecurityPrincipalKeyResolver implements PrincipalKeyResolver {

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final SecurityContextHolderStrategy securityContexts;

	/**
	 * Creates a resolver that reads the {@link SecurityContextHolder}.
	 */
	public SecurityPrincipalKeyResolver() {
		this(SecurityContextHolder.getContextHolderStrategy());
	}

	/**
	 * Creates a resolver that reads the given strategy's security context.
	 * @param securityContexts where the current security context is held
	 */
	public SecurityPrincipalKeyResolver(SecurityContextHolderStrategy securityContexts) {
		this.securityContexts = securityContexts;
	}

	@Override
	public @Nullable String resolveKey(HttpServletRequest request) {
		Authentication authentication = this.securityContexts.getContext().getAuthentication();
		return (authentication != null && this.trustResolver.isAuthenticated(authentication)) ? authentication.getName()
				: null;
	}

}
