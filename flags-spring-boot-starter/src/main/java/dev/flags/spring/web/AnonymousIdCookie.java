package dev.flags.spring.web;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The cookie that gives an anonymous visitor a stable, random id, so that they keep their
 * bucket from one request to the next. The first response that needs it sets it (HttpOnly,
 * SameSite=Lax, Secure over HTTPS); later requests send it back.
 * <p>
 * A client can set the cookie to any value: the id only spreads anonymous visitors over
 * buckets, and it is namespaced ({@value #KEY_PREFIX}) so that it never equals a user's key.
 */
public final class AnonymousIdCookie {

	/** The prefix of the context key made from the id. */
	public static final String KEY_PREFIX = "anonymous:";

	private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final String ISSUED_ATTRIBUTE = AnonymousIdCookie.class.getName() + ".ISSUED";

	private final String name;

	private final Duration maxAge;

	/**
	 * Creates the cookie's settings.
	 * @param name the cookie name
	 * @param maxAge how long the cookie lasts
	 */
	public AnonymousIdCookie(String name, Duration maxAge) {
		this.name = name;
		this.maxAge = maxAge;
	}

	/**
	 * The context key of a request's anonymous visitor: from the cookie the request carries, or
	 * from a new id, set on the response.
	 * @param request the request
	 * @param response the response, or null when it cannot take a cookie
	 * @return the context key
	 */
	public String resolveKey(HttpServletRequest request, @Nullable HttpServletResponse response) {
		String id = read(request);
		if (id == null) {
			id = UUID.randomUUID().toString();
			request.setAttribute(ISSUED_ATTRIBUTE, id);
			if (response != null && !response.isCommitted()) {
				response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, id).toString());
			}
		}
		return KEY_PREFIX + id;
	}

	private @Nullable String read(HttpServletRequest request) {
		if (request.getAttribute(ISSUED_ATTRIBUTE) instanceof String issued) {
			return issued;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (this.name.equals(cookie.getName()) && cookie.getValue() != null
						&& ID.matcher(cookie.getValue()).matches()) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	private ResponseCookie cookie(HttpServletRequest request, String id) {
		String path = request.getContextPath();
		return ResponseCookie.from(this.name, id)
			.path((path == null || path.isEmpty()) ? "/" : path)
			.maxAge(this.maxAge)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
	}

}
