package dev.flags.test;

import dev.flags.spring.FlagSnapshotProvider;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the application's {@link FlagSnapshotProvider} so that the decisions of its
 * {@link dev.flags.spring.FlagService}, and of everything that reads the provider, show the
 * flags a test forces. With nothing forced the wrapper costs one volatile read.
 */
final class FlagOverridesPostProcessor implements BeanPostProcessor {

	private final FlagOverrides overrides;

	FlagOverridesPostProcessor(FlagOverrides overrides) {
		this.overrides = overrides;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof FlagSnapshotProvider provider && !(bean instanceof OverriddenFlagSnapshotProvider)) {
			return this.overrides.attach(provider);
		}
		return bean;
	}

}
