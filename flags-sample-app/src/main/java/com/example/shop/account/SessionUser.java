package com.example.shop.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import dev.flags.spring.web.PrincipalKeyResolver;

/**
 * The signed-in user, kept in the HTTP session by the demo sign-in. It is the flag context key,
 * like an authenticated principal would be in a real shop.
 */
public final class SessionUser implements PrincipalKeyResolver {

	static final String ATTRIBUTE = SessionUser.class.getName();

	@Override
	public @Nullable String resolveKey(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? (String) session.getAttribute(ATTRIBUTE) : null;
	}

	static void signIn(HttpServletRequest request, String user) {
		request.getSession(true).setAttribute(ATTRIBUTE, user);
	}

	static void signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

}
