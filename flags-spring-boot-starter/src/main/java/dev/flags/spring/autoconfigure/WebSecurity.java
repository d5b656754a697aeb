package dev.flags.spring.autoconfigure;

import org.springframework.beans.factory.BeanFactory;

/**
 * Whether Spring Security's web security is active: its filter chain is a bean, as both
 * Spring Boot's default security and {@code @EnableWebSecurity} make it. Having Spring Security's
 * classes on the class path is not enough: nothing would authenticate requests.
 */
final class WebSecurity {

	/** The name of Spring Security's filter chain bean. */
	static final String FILTER_CHAIN = "springSecurityFilterChain";

	/** The auto-configuration that may define the filter chain, to be ordered after. */
	static final String AUTO_CONFIGURATION = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration";

	private WebSecurity() {
	}

	static boolean isActive(BeanFactory beanFactory) {
		return beanFactory.containsBean(FILTER_CHAIN);
	}

}
