package dev.flags.spring.governance;

import java.security.Principal;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Who asks to read or change flags: a name, when authenticated, and the roles they hold. Roles
 * are tested as Spring Security's {@code hasRole} and the Servlet API's {@code isUserInRole} test
 * them: a role {@code FLAGS_WRITE} is the authority {@code ROLE_FLAGS_WRITE}.
 */
public interface Caller {

	/**
	 * The authenticated name.
	 * @return the name, or null when the caller is not authenticated
	 */
	@Nullable String name();

	/**
	 * Whether the caller holds a role.
	 * @param role the role, without the {@code ROLE_} prefix
	 * @return true when it does
	 */
	boolean hasRole(String role);

	/**
	 * A caller known by its principal and a test of its roles, as a servlet request or an
	 * actuator security context gives them.
	 * @param principal the authenticated principal, or null
	 * @param roles tells whether the caller holds a role
	 * @return the caller
	 */
	static Caller of(@Nullable Principal principal, Predicate<String> roles) {
		String name = (principal != null) ? principal.getName() : null;
		return new Caller() {

			@Override
			public @Nullable String name() {
				return name;
			}

			@Override
			public boolean hasRole(String role) {
				return name != null && roles.test(role);
			}

		};
	}

	/**
	 * A caller that is not authenticated and holds no role.
	 * @return the caller
	 */
	static Caller anonymous() {
		return of(null, (role) -> false);
	}

}
