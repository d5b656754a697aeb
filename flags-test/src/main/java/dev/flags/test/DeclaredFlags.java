package dev.flags.test;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reads the {@link WithFlag} declarations that apply to a test, from the least specific place
 * to the most: enclosing classes, superclasses before their subclasses, the test class, the
 * method. A later place wins for the same flag.
 */
final class DeclaredFlags {

	private DeclaredFlags() {
	}

	static Map<String, FlagState> of(ExtensionContext context) {
		Map<String, FlagState> forced = new LinkedHashMap<>();
		for (Class<?> enclosing : context.getEnclosingTestClasses()) {
			addClass(enclosing, forced);
		}
		addClass(context.getRequiredTestClass(), forced);
		Method method = context.getRequiredTestMethod();
		forced.putAll(declaredOn(method, method.getName() + "()"));
		return forced;
	}

	private static void addClass(Class<?> type, Map<String, FlagState> forced) {
		List<Class<?>> hierarchy = new ArrayList<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			hierarchy.add(0, current);
		}
		for (Class<?> current : hierarchy) {
			forced.putAll(declaredOn(current, current.getName()));
		}
	}

	private static Map<String, FlagState> declaredOn(AnnotatedElement element, String name) {
		Map<String, FlagState> declared = new LinkedHashMap<>();
		for (WithFlag annotation : find(element)) {
			FlagState state = state(annotation, name);
			FlagState other = declared.putIfAbsent(annotation.value(), state);
			if (other != null && !other.equals(state)) {
				throw new ExtensionConfigurationException("@WithFlag on " + name + " forces flag '"
						+ annotation.value() + "' both " + other + " and " + state + "; keep one");
			}
		}
		return declared;
	}

	private static FlagState state(WithFlag annotation, String name) {
		if (annotation.variant().isEmpty()) {
			return annotation.enabled() ? FlagState.on() : FlagState.off();
		}
		if (!annotation.enabled()) {
			throw new ExtensionConfigurationException("@WithFlag on " + name + " forces flag '" + annotation.value()
					+ "' off with variant '" + annotation.variant() + "'; a variant needs the flag on");
		}
		return FlagState.variant(annotation.variant());
	}

	/**
	 * The declarations present on an element, directly, in a {@link WithFlags} container, or on
	 * the annotations it is annotated with (composed annotations). Inherited ones are not
	 * included: superclasses are read on their own, so that a subclass wins.
	 */
	private static List<WithFlag> find(AnnotatedElement element) {
		List<WithFlag> found = new ArrayList<>();
		collect(element.getDeclaredAnnotations(), found, new HashSet<>());
		return found;
	}

	private static void collect(Annotation[] annotations, List<WithFlag> found, Set<Class<?>> visited) {
		for (Annotation annotation : annotations) {
			if (annotation instanceof WithFlag withFlag) {
				found.add(withFlag);
			}
			else if (annotation instanceof WithFlags withFlags) {
				found.addAll(List.of(withFlags.value()));
			}
			else {
				Class<? extends Annotation> type = annotation.annotationType();
				if (!type.getName().startsWith("java.lang.annotation.") && visited.add(type)) {
					collect(type.getDeclaredAnnotations(), found, visited);
				}
			}
		}
	}

}
