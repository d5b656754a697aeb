package dev.flags.test;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Tells Spring tests from others without loading Spring's test classes, which may be missing.
 */
final class SpringTests {

	private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

	private SpringTests() {
	}

	/**
	 * Whether a test runs with Spring's extension, declared on its class or a class around it
	 * ({@code @SpringBootTest}, {@code @WebMvcTest} and {@code @SpringJUnitConfig} declare it).
	 * @param testClass the test class
	 * @param enclosingClasses the classes around a {@code @Nested} test class
	 * @return true for a Spring test
	 */
	static boolean isSpringTest(Class<?> testClass, List<Class<?>> enclosingClasses) {
		List<Class<?>> classes = new ArrayList<>(enclosingClasses);
		classes.add(testClass);
		for (Class<?> type : classes) {
			for (ExtendWith extendWith : AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class)) {
				for (Class<?> extension : extendWith.value()) {
					if (extension.getName().equals(SPRING_EXTENSION)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	static boolean isSpringTest(ExtensionContext context) {
		return isSpringTest(context.getRequiredTestClass(), context.getEnclosingTestClasses());
	}

	/**
	 * The overrides of the test's application context.
	 * @param context the test's extension context
	 * @return the overrides
	 */
	static FlagOverrides overrides(ExtensionContext context) {
		return ApplicationContextOverrides.find(context);
	}

}
