package dev.flags.test;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import dev.flags.spring.FlagService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit Jupiter extension behind {@link WithFlag}, {@link FlagStatesTest} and
 * {@link FlagControl}; those annotations register it. Register it yourself
 * ({@code @ExtendWith(FlagsExtension.class)}) to have parameters resolved in tests that force no
 * flag by annotation:
 * <ul>
 * <li>{@link FlagControl}: flips flags mid-test;</li>
 * <li>{@link FlagStates}: the flags the test forces;</li>
 * <li>{@link FlagService} or {@link TestFlags}, in tests without Spring: the test instance's
 * {@code TestFlags} field, or, when it has none, a {@code TestFlags} with no flags defined, made
 * for the test.</li>
 * </ul>
 * What a test forces applies, in a Spring test, to the application context's
 * {@code FlagService}; in every test, to the {@code TestFlags} and {@link FlagOverrides} fields
 * of the test instance (and of the instances around a {@code @Nested} one) and to the
 * {@code TestFlags} the extension made. It is undone after the {@code @AfterEach} methods,
 * whether the test passed or failed.
 */
public final class FlagsExtension implements BeforeEachCallback, BeforeTestExecutionCallback, AfterEachCallback,
		ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(FlagsExtension.class);

	private static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";

	@Override
	public void beforeEach(ExtensionContext context) {
		OverrideScope scope = scope(context);
		scope.declare(DeclaredFlags.of(context));
		overridesFields(context).forEach(scope::add);
	}

	@Override
	public void beforeTestExecution(ExtensionContext context) {
		// A TestFlags field assigned by a @BeforeEach method gets the test's flags from here on.
		OverrideScope scope = scope(context);
		overridesFields(context).forEach(scope::add);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		OverrideScope scope = context.getStore(NAMESPACE).remove(OverrideScope.class, OverrideScope.class);
		if (scope != null) {
			scope.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		if (parameterContext.getDeclaringExecutable() instanceof Constructor<?>
				|| extensionContext.getTestMethod().isEmpty()) {
			return false;
		}
		Class<?> type = parameterContext.getParameter().getType();
		if (type == FlagControl.class || type == FlagStates.class) {
			return true;
		}
		return (type == FlagService.class || type == TestFlags.class) && !SpringTests.isSpringTest(extensionContext);
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		OverrideScope scope = scope(extensionContext);
		if (type == FlagStates.class) {
			return scope.states();
		}
		if (type == FlagControl.class) {
			requireLockForSpringTest(extensionContext);
			return new ScopeControl(scope);
		}
		return testFlags(extensionContext, scope);
	}

	/**
	 * The scope of the current test, opened on first use: in a Spring test it forces flags in the
	 * application context.
	 * @param context the test's extension context
	 * @return the scope
	 */
	static OverrideScope scope(ExtensionContext context) {
		return context.getStore(NAMESPACE).computeIfAbsent(OverrideScope.class, (key) -> open(context),
				OverrideScope.class);
	}

	private static OverrideScope open(ExtensionContext context) {
		OverrideScope scope = new OverrideScope();
		if (SpringTests.isSpringTest(context)) {
			scope.add(SpringTests.overrides(context));
		}
		return scope;
	}

	private static TestFlags testFlags(ExtensionContext context, OverrideScope scope) {
		List<TestFlags> instances = testFlagsInstances(context);
		if (instances.size() > 1) {
			throw new ParameterResolutionException("The test instance of " + context.getRequiredTestClass().getName()
					+ " has " + instances.size() + " TestFlags fields; use them instead of a parameter");
		}
		if (instances.size() == 1) {
			return instances.get(0);
		}
		TestFlags testFlags = context.getStore(NAMESPACE).computeIfAbsent(TestFlags.class,
				(key) -> TestFlags.empty(), TestFlags.class);
		scope.add(testFlags.overrides());
		return testFlags;
	}

	private static List<FlagOverrides> overridesFields(ExtensionContext context) {
		List<FlagOverrides> overrides = new ArrayList<>();
		for (Object value : fieldValues(context)) {
			FlagOverrides found = (value instanceof TestFlags testFlags) ? testFlags.overrides()
					: (FlagOverrides) value;
			if (!overrides.contains(found)) {
				overrides.add(found);
			}
		}
		return overrides;
	}

	private static List<TestFlags> testFlagsInstances(ExtensionContext context) {
		return fieldValues(context).stream()
			.filter(TestFlags.class::isInstance)
			.map(TestFlags.class::cast)
			.toList();
	}

	/**
	 * The {@link TestFlags} and {@link FlagOverrides} held by fields of the test instances, each
	 * once.
	 */
	private static List<Object> fieldValues(ExtensionContext context) {
		Set<Object> found = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Object> values = new ArrayList<>();
		for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
			for (Field field : ReflectionSupport.findFields(instance.getClass(), FlagsExtension::holdsFlags,
					HierarchyTraversalMode.TOP_DOWN)) {
				@Nullable Object target = Modifier.isStatic(field.getModifiers()) ? null : instance;
				Object value = ReflectionSupport.tryToReadFieldValue(field, target).toOptional().orElse(null);
				if (value != null && found.add(value)) {
					values.add(value);
				}
			}
		}
		return values;
	}

	static boolean holdsFlags(Field field) {
		return field.getType() == TestFlags.class || field.getType() == FlagOverrides.class;
	}

	private static void requireLockForSpringTest(ExtensionContext context) {
		boolean parallel = context.getConfigurationParameter(PARALLEL_ENABLED).map(Boolean::parseBoolean).orElse(false);
		if (!parallel || !SpringTests.isSpringTest(context) || declaresLock(context)) {
			return;
		}
		throw new ParameterResolutionException("FlagControl in " + context.getRequiredTestMethod()
				+ " changes flags in an application context that tests running in parallel share; declare "
				+ "@WithFlag or @FlagStatesTest on the test, or @ResourceLock(FlagOverrides.LOCK), so that JUnit "
				+ "runs it alone");
	}

	private static boolean declaresLock(ExtensionContext context) {
		List<AnnotatedElement> elements = new ArrayList<>(context.getEnclosingTestClasses());
		elements.add(context.getRequiredTestClass());
		elements.add(context.getRequiredTestMethod());
		for (AnnotatedElement element : elements) {
			for (ResourceLock lock : AnnotationSupport.findRepeatableAnnotations(element, ResourceLock.class)) {
				if (lock.value().equals(FlagOverrides.LOCK)
						|| List.of(lock.providers()).contains(FlagsResourceLocks.class)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The {@link FlagControl} a test receives: its changes are a layer of the test's scope.
	 */
	private record ScopeControl(OverrideScope scope) implements FlagControl {

		@Override
		public void force(String key, FlagState state) {
			this.scope.control(key, state);
		}

		@Override
		public void reset(String key) {
			this.scope.control(key, null);
		}

		@Override
		public String toString() {
			return "FlagControl" + this.scope.states();
		}

	}

}
