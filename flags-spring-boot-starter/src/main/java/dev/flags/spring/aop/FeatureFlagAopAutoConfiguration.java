package dev.flags.spring.aop;

import dev.flags.spring.FeatureFlag;
import dev.flags.spring.FlagService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} that
 * gates methods annotated with {@link FeatureFlag @FeatureFlag} by the application's
 * {@link FlagService}, with a Spring AOP advisor (no AspectJ weaver needed).
 */
@AutoConfiguration(afterName = "dev.flags.spring.autoconfigure.FlagsAutoConfiguration")
@ConditionalOnBean(FlagService.class)
@ConditionalOnBooleanProperty(name = "flags.aop.enabled", matchIfMissing = true)
@Import(AutoProxyCreatorRegistrar.class)
public final class FeatureFlagAopAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static FeatureFlagAdvisor featureFlagAdvisor(ObjectProvider<FlagService> flagService, Environment environment) {
		// bound here, not injected: auto-proxy creators instantiate advisors before most beans exist,
		// and the flag service is only looked up on the first gated call for the same reason
		FeatureFlagAopProperties properties = Binder.get(environment)
			.bindOrCreate("flags.aop", FeatureFlagAopProperties.class);
		FeatureFlagAdvisor advisor = new FeatureFlagAdvisor(flagService::getObject);
		advisor.setOrder(properties.getOrder());
		return advisor;
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static FeatureFlagBeanValidator featureFlagBeanValidator() {
		return new FeatureFlagBeanValidator();
	}

}
