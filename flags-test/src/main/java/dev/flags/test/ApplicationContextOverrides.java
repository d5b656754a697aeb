package dev.flags.test;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Finds the {@link FlagOverrides} that {@link FlagsContextCustomizer} registered in a Spring
 * test's application context. Loaded only for Spring tests.
 */
final class ApplicationContextOverrides {

	private ApplicationContextOverrides() {
	}

	static FlagOverrides find(ExtensionContext context) {
		ApplicationContext applicationContext = SpringExtension.getApplicationContext(context);
		FlagOverrides overrides = applicationContext.getBeanProvider(FlagOverrides.class).getIfAvailable();
		if (overrides == null) {
			throw new ExtensionConfigurationException("The application context of "
					+ context.getRequiredTestClass().getName() + " has no FlagOverrides; it is registered by "
					+ FlagsContextCustomizerFactory.class.getName() + " through META-INF/spring.factories");
		}
		return overrides;
	}

}
