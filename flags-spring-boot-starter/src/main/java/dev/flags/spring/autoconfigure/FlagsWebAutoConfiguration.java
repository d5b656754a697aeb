package dev.flags.spring.autoconfigure;

import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.FlagContextContributor;
import dev.flags.spring.FlagContextProvider;
import dev.flags.spring.FlagSnapshotProvider;
import dev.flags.spring.web.AnonymousIdCookie;
import dev.flags.spring.web.FlagContextResolver;
import dev.flags.spring.web.PrincipalKeyResolver;
import dev.flags.spring.web.RequestFlagContextProvider;
import dev.flags.spring.web.RequestFlagContextResolver;
import dev.flags.spring.web.RequestFlagSnapshotProvider;
import dev.flags.spring.web.SecurityPrincipalKeyResolver;
import dev.flags.spring.web.ServletPrincipalKeyResolver;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Auto-configuration of the request-scoped flag context of a servlet web application: the
 * context is resolved once per request, and each request decides from one snapshot. Runs before
 * {@link FlagsAutoConfiguration}, whose providers are the fallback outside a web application.
 */
@AutoConfiguration(before = FlagsAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ HttpServletRequest.class, RequestContextHolder.class })
@EnableConfigurationProperties(FlagsProperties.class)
public final class FlagsWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(PrincipalKeyResolver.class)
	ServletPrincipalKeyResolver servletPrincipalKeyResolver() {
		return new ServletPrincipalKeyResolver();
	}

	@Bean
	@ConditionalOnMissingBean(FlagContextResolver.class)
	RequestFlagContextResolver flagContextResolver(FlagsProperties properties,
			PrincipalKeyResolver principalKeyResolver, ObjectProvider<FlagContextContributor> contributors) {
		FlagsProperties.Web web = properties.getWeb();
		FlagsProperties.AnonymousCookie cookie = web.getAnonymousCookie();
		return new RequestFlagContextResolver(principalKeyResolver, web.getKeyHeader(), web.getAttributeHeaders(),
				cookie.isEnabled() ? new AnonymousIdCookie(cookie.getName(), cookie.getMaxAge()) : null,
				contributors.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean(FlagContextProvider.class)
	RequestFlagContextProvider requestFlagContextProvider(FlagContextResolver flagContextResolver) {
		return new RequestFlagContextProvider(flagContextResolver);
	}

	@Bean
	@ConditionalOnMissingBean(FlagSnapshotProvider.class)
	RequestFlagSnapshotProvider requestFlagSnapshotProvider(FlagRegistry flagRegistry) {
		return new RequestFlagSnapshotProvider(flagRegistry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
	static final class SecurityPrincipalConfiguration {

		@Bean
		@ConditionalOnMissingBean(PrincipalKeyResolver.class)
		SecurityPrincipalKeyResolver securityPrincipalKeyResolver() {
			return new SecurityPrincipalKeyResolver();
		}

	}

}
