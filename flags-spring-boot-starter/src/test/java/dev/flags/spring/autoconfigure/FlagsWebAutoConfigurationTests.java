package dev.flags.spring.autoconfigure;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagContextProvider;
import dev.flags.spring.FlagService;
import dev.flags.spring.FlagSnapshotProvider;
import dev.flags.spring.web.FlagContextResolver;
import dev.flags.spring.web.PrincipalKeyResolver;
import dev.flags.spring.web.RequestFlagContextProvider;
import dev.flags.spring.web.RequestFlagContextResolver;
import dev.flags.spring.web.RequestFlagSnapshotProvider;
import dev.flags.spring.web.SecurityPrincipalKeyResolver;
import dev.flags.spring.web.ServletPrincipalKeyResolver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagsWebAutoConfiguration}.
 */
class FlagsWebAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(FlagsAutoConfiguration.class, FlagsWebAutoConfiguration.class));

	@Test
	void configuresTheRequestContextInAServletWebApplication() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(FlagContextProvider.class)
				.hasSingleBean(RequestFlagContextProvider.class)
				.hasSingleBean(FlagSnapshotProvider.class)
				.hasSingleBean(RequestFlagSnapshotProvider.class)
				.hasSingleBean(RequestFlagContextResolver.class)
				.hasSingleBean(FlagService.class);
			assertThat(context.getBean(FlagContextProvider.class).currentContext()).isEqualTo(FlagContext.anonymous());
		});
	}

	@Test
	void keysByTheSpringSecurityPrincipalWhenSpringSecurityIsPresent() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(PrincipalKeyResolver.class)
			.hasSingleBean(SecurityPrincipalKeyResolver.class));
	}

	@Test
	void keysByTheServletPrincipalWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.run((context) -> assertThat(context).hasSingleBean(PrincipalKeyResolver.class)
				.hasSingleBean(ServletPrincipalKeyResolver.class)
				.doesNotHaveBean(SecurityPrincipalKeyResolver.class)
				.hasSingleBean(RequestFlagContextResolver.class));
	}

	@Test
	void userPrincipalKeyResolverReplacesOurs() {
		PrincipalKeyResolver byId = (request) -> "id-" + request.getHeader("X-Trusted");
		this.contextRunner.withBean("byId", PrincipalKeyResolver.class, () -> byId).run((context) -> {
			assertThat(context).getBean(PrincipalKeyResolver.class).isSameAs(byId);
			FlagContextResolver resolver = context.getBean(FlagContextResolver.class);
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.addHeader("X-Trusted", "7");
			assertThat(resolver.resolve(request, new MockHttpServletResponse()).key()).isEqualTo("id-7");
		});
	}

	@Test
	void userResolverAndProvidersReplaceOurs() {
		FlagContextResolver resolver = (request, response) -> FlagContext.of("resolved");
		FlagContextProvider contexts = () -> FlagContext.of("provided");
		FlagSnapshotProvider snapshots = FlagSnapshot::empty;
		this.contextRunner.withBean("myResolver", FlagContextResolver.class, () -> resolver)
			.withBean("myContexts", FlagContextProvider.class, () -> contexts)
			.withBean("mySnapshots", FlagSnapshotProvider.class, () -> snapshots)
			.run((context) -> {
				assertThat(context).getBean(FlagContextResolver.class).isSameAs(resolver);
				assertThat(context).getBean(FlagContextProvider.class).isSameAs(contexts);
				assertThat(context).getBean(FlagSnapshotProvider.class).isSameAs(snapshots);
				assertThat(context.getBean(FlagService.class).currentContext().key()).isEqualTo("provided");
			});
	}

	@Test
	void headerAttributesKeepTheirNames() {
		this.contextRunner
			.withPropertyValues("flags.web.attribute-headers.country=CloudFront-Viewer-Country",
					"flags.web.attribute-headers.appVersion=X-App-Version")
			.run((context) -> {
				MockHttpServletRequest request = new MockHttpServletRequest();
				request.addHeader("cloudfront-viewer-country", "DE");
				request.addHeader("X-App-Version", "2.1.0");
				FlagContext resolved = context.getBean(FlagContextResolver.class)
					.resolve(request, new MockHttpServletResponse());
				assertThat(resolved.attributes()).containsEntry("country", "DE").containsEntry("appVersion", "2.1.0");
			});
	}

	@Test
	void anonymousCookieCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("flags.web.anonymous-cookie.enabled=false").run((context) -> {
			MockHttpServletResponse response = new MockHttpServletResponse();
			FlagContext resolved = context.getBean(FlagContextResolver.class)
				.resolve(new MockHttpServletRequest(), response);
			assertThat(resolved.key()).isNull();
			assertThat(response.getCookies()).isEmpty();
		});
	}

}
