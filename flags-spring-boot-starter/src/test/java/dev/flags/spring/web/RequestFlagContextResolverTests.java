package dev.flags.spring.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagContextContributor;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestFlagContextResolver}.
 */
class RequestFlagContextResolverTests {

	private static final AnonymousIdCookie COOKIE = new AnonymousIdCookie("anon", Duration.ofDays(30));

	private final MockHttpServletRequest request = new MockHttpServletRequest();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void principalKeyComesFirst() {
		this.request.addHeader("X-User-Id", "header-user");
		FlagContext context = resolver((request) -> "alice", "X-User-Id", List.of()).resolve(this.request,
				this.response);
		assertThat(context.key()).isEqualTo("alice");
		assertThat(this.response.getCookies()).isEmpty();
	}

	@Test
	void keyHeaderIsUsedWhenConfiguredAndNoUserIsAuthenticated() {
		this.request.addHeader("X-User-Id", "  user-7 ");
		assertThat(resolver(null, "X-User-Id", List.of()).resolve(this.request, this.response).key())
			.isEqualTo("user-7");
		assertThat(this.response.getCookies()).isEmpty();
	}

	@Test
	void keyHeaderIsIgnoredWhenNotConfigured() {
		this.request.addHeader("X-User-Id", "user-7");
		assertThat(resolver(null, null, List.of()).resolve(this.request, this.response).key())
			.startsWith(AnonymousIdCookie.KEY_PREFIX);
	}

	@Test
	void anonymousVisitorGetsACookieOnceAndKeepsItsKey() {
		RequestFlagContextResolver resolver = resolver(null, null, List.of());
		String first = resolver.resolve(this.request, this.response).key();
		assertThat(resolver.resolve(this.request, this.response).key()).isEqualTo(first);
		assertThat(this.response.getHeaders("Set-Cookie")).hasSize(1);
		Cookie cookie = this.response.getCookie("anon");
		assertThat(cookie).isNotNull();
		assertThat(first).isEqualTo(AnonymousIdCookie.KEY_PREFIX + cookie.getValue());
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSecure()).isFalse();
		assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
		assertThat(cookie.getMaxAge()).isEqualTo((int) Duration.ofDays(30).toSeconds());
		assertThat(cookie.getPath()).isEqualTo("/");

		MockHttpServletRequest next = new MockHttpServletRequest();
		next.setCookies(new Cookie("anon", cookie.getValue()));
		MockHttpServletResponse nextResponse = new MockHttpServletResponse();
		assertThat(resolver.resolve(next, nextResponse).key()).isEqualTo(first);
		assertThat(nextResponse.getCookies()).isEmpty();
	}

	@Test
	void cookieIsSecureOverHttps() {
		this.request.setSecure(true);
		resolver(null, null, List.of()).resolve(this.request, this.response);
		assertThat(this.response.getCookie("anon").getSecure()).isTrue();
	}

	@Test
	void malformedCookieIsReplaced() {
		this.request.setCookies(new Cookie("anon", "user-42"));
		String key = resolver(null, null, List.of()).resolve(this.request, this.response).key();
		assertThat(key).isNotEqualTo("user-42").isNotEqualTo(AnonymousIdCookie.KEY_PREFIX + "user-42");
		assertThat(this.response.getCookie("anon").getValue()).isNotEqualTo("user-42");
	}

	@Test
	void committedResponseGetsNoCookieButTheRequestStillHasAKey() throws Exception {
		this.response.flushBuffer();
		assertThat(resolver(null, null, List.of()).resolve(this.request, this.response).key())
			.startsWith(AnonymousIdCookie.KEY_PREFIX);
		assertThat(this.response.getHeaders("Set-Cookie")).isEmpty();
	}

	@Test
	void headerAttributesAreRead() {
		this.request.addHeader("CloudFront-Viewer-Country", "DE");
		RequestFlagContextResolver resolver = new RequestFlagContextResolver((request) -> "alice", null,
				Map.of("country", "CloudFront-Viewer-Country", "appVersion", "X-App-Version"), COOKIE, List.of());
		FlagContext context = resolver.resolve(this.request, this.response);
		assertThat(context.attributes()).containsExactly(Map.entry("country", "DE"));
	}

	@Test
	void contributorsRunInOrderAndSeeWhatCameBefore() {
		FlagContextContributor plan = (context, builder) -> builder.attribute("plan",
				"alice".equals(context.key()) ? "enterprise" : "free");
		FlagContextContributor tier = (context, builder) -> builder.attribute("tier",
				"enterprise".equals(context.attribute("plan")) ? 3 : 1);
		FlagContext context = resolver((request) -> "alice", null, List.of(plan, tier)).resolve(this.request,
				this.response);
		assertThat(context.attributes()).containsEntry("plan", "enterprise").containsEntry("tier", 3);
	}

	@Test
	void failingContributorIsSkipped() {
		FlagContextContributor broken = (context, builder) -> {
			builder.attribute("half", "done");
			throw new IllegalStateException("user database is down");
		};
		FlagContextContributor plan = (context, builder) -> builder.attribute("plan", "free");
		FlagContext context = resolver((request) -> "alice", null, List.of(broken, plan)).resolve(this.request,
				this.response);
		assertThat(context.key()).isEqualTo("alice");
		assertThat(context.attributes()).containsExactly(Map.entry("plan", "free"));
	}

	private static RequestFlagContextResolver resolver(@Nullable PrincipalKeyResolver principalKeys,
			@Nullable String keyHeader,
			List<FlagContextContributor> contributors) {
		PrincipalKeyResolver principals = (principalKeys != null) ? principalKeys : (request) -> null;
		return new RequestFlagContextResolver(principals, keyHeader, Map.of(), COOKIE, contributors);
	}

}
