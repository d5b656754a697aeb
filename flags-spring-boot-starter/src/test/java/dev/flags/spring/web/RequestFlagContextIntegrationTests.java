package dev.flags.spring.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.FlagContextContributor;
import dev.flags.spring.FlagContextProvider;
import dev.flags.spring.FlagService;
import dev.flags.spring.autoconfigure.FlagsAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsWebAutoConfiguration;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The request context of a web application with Spring Security, through MockMvc.
 */
@SpringBootTest(properties = { "flags.web.key-header=X-User-Id", "flags.web.attribute-headers.country=X-Country",
		"flags.definitions.flags.half.rollout=50", "flags.definitions.flags.reports.rules[0].when[0].attribute=plan",
		"flags.definitions.flags.reports.rules[0].when[0].op=in",
		"flags.definitions.flags.reports.rules[0].when[0].values=enterprise",
		"flags.definitions.flags.flip-me.rollout=100" })
@AutoConfigureMockMvc
class RequestFlagContextIntegrationTests {

	private static final String COOKIE = "flags_anonymous_id";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FlagService flags;

	@Autowired
	private FlagContextProvider contexts;

	@Test
	void anonymousVisitorGetsACookieOnceAndKeepsItsBucket() throws Exception {
		for (int visitor = 0; visitor < 5; visitor++) {
			MockHttpServletResponse first = perform(get("/context"));
			Cookie cookie = first.getCookie(COOKIE);
			assertThat(cookie).isNotNull();
			assertThat(cookie.isHttpOnly()).isTrue();
			assertThat(cookie.getSecure()).isFalse();
			assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
			Map<String, Object> firstBody = body(first);
			assertThat(firstBody).containsEntry("key", AnonymousIdCookie.KEY_PREFIX + cookie.getValue());

			MockHttpServletResponse second = perform(get("/context").cookie(new Cookie(COOKIE, cookie.getValue())));
			assertThat(second.getHeaders("Set-Cookie")).isEmpty();
			Map<String, Object> secondBody = body(second);
			assertThat(secondBody.get("key")).isEqualTo(firstBody.get("key"));
			assertThat(secondBody.get("half")).isEqualTo(firstBody.get("half"))
				.isEqualTo(this.flags.isEnabled("half", FlagContext.of((String) firstBody.get("key"))));
		}
	}

	@Test
	void cookieIsSecureOverHttps() throws Exception {
		assertThat(perform(get("/context").secure(true)).getCookie(COOKIE).getSecure()).isTrue();
	}

	@Test
	void keyHeaderIsUsedWhenConfigured() throws Exception {
		MockHttpServletResponse response = perform(get("/context").header("X-User-Id", "user-7"));
		assertThat(body(response)).containsEntry("key", "user-7");
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
	}

	@Test
	void authenticatedPrincipalIsTheKeyAndBeatsTheHeader() throws Exception {
		MockHttpServletResponse response = perform(get("/context").with(user("alice")).header("X-User-Id", "user-7"));
		assertThat(body(response)).containsEntry("key", "alice");
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
	}

	@Test
	void contributorsAndHeaderAttributesAreApplied() throws Exception {
		Map<String, Object> alice = body(perform(get("/context").with(user("alice")).header("X-Country", "DE")));
		assertThat(alice.get("attributes")).isEqualTo(Map.of("plan", "enterprise", "tier", 3, "country", "DE"));
		assertThat(alice).containsEntry("reports", true);
		Map<String, Object> bob = body(perform(get("/context").with(user("bob"))));
		assertThat(bob.get("attributes")).isEqualTo(Map.of("plan", "free", "tier", 1));
		assertThat(bob).containsEntry("reports", false);
	}

	@Test
	void sameUserGetsTheSameDecisionInARequestAndWithAnExplicitContext() throws Exception {
		for (String name : List.of("alice", "bob", "carol", "dave", "erin", "frank")) {
			Map<String, Object> body = body(perform(get("/context").with(user(name))));
			assertThat(body.get("half")).isEqualTo(this.flags.isEnabled("half", FlagContext.of(name)));
		}
	}

	@Test
	void decisionsHoldStillWithinARequestWhileAFlagIsFlipped() throws Exception {
		Map<String, Object> flip = body(perform(get("/flip").with(user("alice"))));
		assertThat(flip).containsEntry("before", true).containsEntry("after", true).containsEntry("stored", false);
		assertThat(body(perform(get("/context").with(user("alice"))))).containsEntry("flipMe", false);
	}

	@Test
	void contextIsAnonymousOutsideARequest() throws Exception {
		// The test thread carries mock request attributes; a job's own thread carries none.
		ExecutorService job = Executors.newSingleThreadExecutor();
		try {
			List<FlagContext> seen = job
				.submit(() -> List.of(this.contexts.currentContext(), this.flags.currentContext()))
				.get(30, TimeUnit.SECONDS);
			assertThat(seen).containsOnly(FlagContext.anonymous());
		}
		finally {
			job.shutdownNow();
		}
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(MockHttpServletResponse response) throws Exception {
		return json.readValue(response.getContentAsString(), Map.class);
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
			SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
			SecurityFilterAutoConfiguration.class, FlagsAutoConfiguration.class, FlagsWebAutoConfiguration.class })
	@Import(FlagsController.class)
	static class ShopConfiguration {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

		@Bean
		@Order(1)
		FlagContextContributor planContributor() {
			return (context, builder) -> builder.attribute("plan",
					"alice".equals(context.key()) ? "enterprise" : "free");
		}

		@Bean
		@Order(2)
		FlagContextContributor tierContributor() {
			return (context, builder) -> {
				if (context.attribute("plan") != null) {
					builder.attribute("tier", "enterprise".equals(context.attribute("plan")) ? 3 : 1);
				}
			};
		}

	}

	@RestController
	static class FlagsController {

		private final FlagService flags;

		private final FlagRegistry registry;

		FlagsController(FlagService flags, FlagRegistry registry) {
			this.flags = flags;
			this.registry = registry;
		}

		@GetMapping("/context")
		Map<String, Object> context() {
			FlagContext context = this.flags.currentContext();
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("key", context.key());
			body.put("attributes", context.attributes());
			body.put("half", this.flags.isEnabled("half"));
			body.put("reports", this.flags.isEnabled("reports"));
			body.put("flipMe", this.flags.isEnabled("flip-me"));
			return body;
		}

		@GetMapping("/flip")
		Map<String, Object> flip() {
			boolean before = this.flags.isEnabled("flip-me");
			Flag flag = this.registry.snapshot().flag("flip-me").orElseThrow();
			this.registry.save(flag.withEnabled(false), flag.currentVersion());
			boolean after = this.flags.isEnabled("flip-me");
			boolean stored = this.registry.snapshot().isEnabled("flip-me", this.flags.currentContext());
			return Map.of("before", before, "after", after, "stored", stored);
		}

	}

}
