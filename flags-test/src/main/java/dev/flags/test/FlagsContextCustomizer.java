package dev.flags.test;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registers a {@link FlagOverrides} in a test's application context and lays it over every
 * {@link dev.flags.spring.FlagSnapshotProvider} bean. All instances are equal, so that it never
 * splits Spring's context cache: which flags are forced is decided per test, not per context.
 */
final class FlagsContextCustomizer implements ContextCustomizer {

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		FlagOverrides overrides = new FlagOverrides();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(FlagOverrides.class.getName(), overrides);
		beanFactory.addBeanPostProcessor(new FlagOverridesPostProcessor(overrides));
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
