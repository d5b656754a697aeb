package dev.flags.test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Declares what a test that forces flags shares with tests running in parallel, so that JUnit
 * serialises only the tests that would otherwise see each other's flags:
 * <ul>
 * <li>a Spring test forces flags in an application context that other tests use too: it takes
 * {@link FlagOverrides#LOCK};</li>
 * <li>a test without Spring forces flags in its own {@link TestFlags} (or {@link FlagOverrides})
 * and needs no lock, unless that is shared: held in a static field, or in a field of a test
 * instance with the per-class lifecycle. Then it takes a lock of that class.</li>
 * </ul>
 */
final class FlagsResourceLocks implements ResourceLocksProvider {

	@Override
	public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
		Set<Lock> locks = new LinkedHashSet<>();
		if (SpringTests.isSpringTest(testClass, enclosingInstanceTypes)) {
			locks.add(new Lock(FlagOverrides.LOCK, ResourceAccessMode.READ_WRITE));
		}
		List<Class<?>> classes = new ArrayList<>(enclosingInstanceTypes);
		classes.add(testClass);
		for (Class<?> type : classes) {
			if (sharesTestFlags(type)) {
				locks.add(new Lock(FlagOverrides.LOCK + ":" + type.getName(), ResourceAccessMode.READ_WRITE));
			}
		}
		return locks;
	}

	private static boolean sharesTestFlags(Class<?> type) {
		boolean perClass = AnnotationSupport.findAnnotation(type, TestInstance.class)
			.map((lifecycle) -> lifecycle.value() == TestInstance.Lifecycle.PER_CLASS)
			.orElse(false);
		List<Field> fields = ReflectionSupport.findFields(type, FlagsExtension::holdsFlags,
				HierarchyTraversalMode.TOP_DOWN);
		return fields.stream().anyMatch((field) -> perClass || Modifier.isStatic(field.getModifiers()));
	}

}
