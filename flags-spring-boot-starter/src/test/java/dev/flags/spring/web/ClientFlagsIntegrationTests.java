package dev.flags.spring.web;

import java.util.Map;

import dev.flags.core.model.FlagContext;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.FlagService;
import dev.flags.spring.autoconfigure.FlagsAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsClientAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsWebAutoConfiguration;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The endpoint that serves browsers the flags marked {@code clientVisible}, through MockMvc.
 */
@SpringBootTest(properties = { "flags.web.key-header=X-User-Id", "flags.refresh-interval=0",
		"flags.definitions.flags.new-nav.client-visible=true", "flags.definitions.flags.new-nav.rollout=100",
		"flags.definitions.flags.banner.client-visible=true", "flags.definitions.flags.banner.rollout=100",
		"flags.definitions.flags.banner.variants[0].name=blue",
		"flags.definitions.flags.banner.variants[0].weight=50",
		"flags.definitions.flags.banner.variants[1].name=green",
		"flags.definitions.flags.banner.variants[1].weight=50",
		"flags.definitions.flags.beta-badge.client-visible=true", "flags.definitions.flags.beta-badge.include=user-7",
		"flags.definitions.flags.unreleased-launch.rollout=100",
		"flags.definitions.flags.unreleased-launch.include=user-7",
		"flags.definitions.flags.unreleased-pricing.rollout=0" })
@AutoConfigureMockMvc
class ClientFlagsIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FlagService flags;

	@Autowired
	private FlagRegistry registry;

	@ParameterizedTest
	@ValueSource(strings = { "user-7", "user-42", "user-1001" })
	void servesTheUsersDecisionsOfTheMarkedFlagsAndNothingElse(String user) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/flags/client").header("X-User-Id", user))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		FlagContext context = FlagContext.of(user);
		Map<String, Object> body = body(response);
		assertThat(body).containsOnlyKeys("new-nav", "banner", "beta-badge")
			.containsEntry("new-nav", Map.of("enabled", true))
			.containsEntry("banner",
					Map.of("enabled", true, "variant", this.flags.variant("banner", context, "none")))
			.containsEntry("beta-badge", Map.of("enabled", "user-7".equals(user)));
		assertThat(response.getContentAsString()).doesNotContain("unreleased", "rollout", "rules", "weight",
				"include");
	}

	@Test
	void unreleasedFlagNeverAppearsWhetherOnOrOff() throws Exception {
		FlagContext insider = FlagContext.of("user-7");
		assertThat(this.registry.snapshot().isEnabled("unreleased-launch", insider)).isTrue();
		assertThat(this.registry.snapshot().isEnabled("unreleased-pricing", insider)).isFalse();
		for (String user : new String[] { "user-7", "user-42" }) {
			String body = this.mvc.perform(get("/flags/client").header("X-User-Id", user))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain("unreleased-launch").doesNotContain("unreleased-pricing");
		}
		String anonymous = this.mvc.perform(get("/flags/client")).andReturn().getResponse().getContentAsString();
		assertThat(anonymous).doesNotContain("unreleased");
	}

	@Test
	void anonymousVisitorGetsACookieAndKeepsTheirDecisions() throws Exception {
		MockHttpServletResponse first = this.mvc.perform(get("/flags/client")).andReturn().getResponse();
		Cookie cookie = first.getCookie("flags_anonymous_id");
		assertThat(cookie).isNotNull();
		MockHttpServletResponse second = this.mvc.perform(get("/flags/client").cookie(cookie))
			.andReturn()
			.getResponse();
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
		FlagContext visitor = FlagContext.of(AnonymousIdCookie.KEY_PREFIX + cookie.getValue());
		assertThat(body(second).get("banner"))
			.isEqualTo(Map.of("enabled", true, "variant", this.flags.variant("banner", visitor, "none")));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(MockHttpServletResponse response) throws Exception {
		return json.readValue(response.getContentAsString(), Map.class);
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
			FlagsAutoConfiguration.class, FlagsWebAutoConfiguration.class, FlagsClientAutoConfiguration.class })
	static class ShopConfiguration {

	}

}
