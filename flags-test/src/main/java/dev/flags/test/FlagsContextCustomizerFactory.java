package dev.flags.test;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Gives every Spring test application context the {@link FlagOverrides} that {@link WithFlag},
 * {@link FlagStatesTest} and {@link FlagControl} force flags in. Registered in
 * {@code META-INF/spring.factories}.
 */
final class FlagsContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new FlagsContextCustomizer();
	}

}
