package dev.flags.spring.aop;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.StringJoiner;

import dev.flags.core.model.Evaluation;

import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the fallback method named by a {@link dev.flags.spring.FeatureFlag @FeatureFlag} and
 * checks that it fits the gated method, failing with a message that names both methods.
 */
final class FallbackMethodResolver {

	private FallbackMethodResolver() {
	}

	/**
	 * Resolves the fallback of a gated method.
	 * @param gated the gated method, whose annotation names a fallback
	 * @return the fallback
	 * @throws IllegalStateException when the fallback does not exist or does not fit
	 */
	static Fallback resolve(GatedMethod gated) {
		Method method = gated.method();
		String name = gated.annotation().fallback();
		Class<?>[] parameters = method.getParameterTypes();
		Class<?>[] withEvaluation = Arrays.copyOf(parameters, parameters.length + 1);
		withEvaluation[parameters.length] = Evaluation.class;
		boolean passesEvaluation = false;
		Method fallback = ReflectionUtils.findMethod(gated.targetClass(), name, parameters);
		if (fallback == null) {
			fallback = ReflectionUtils.findMethod(gated.targetClass(), name, withEvaluation);
			passesEvaluation = true;
		}
		if (fallback == null) {
			throw new IllegalStateException(notFound(gated, name, parameters, withEvaluation));
		}
		if (!passesEvaluation && name.equals(method.getName())) {
			throw new IllegalStateException(
					"Fallback method of " + gated.label() + " is the method itself; name another method");
		}
		if (!returnTypeFits(gated, fallback)) {
			throw new IllegalStateException("Fallback method " + GatedMethod.describe(fallback) + " returns "
					+ fallback.getGenericReturnType().getTypeName() + ", which cannot stand in for "
					+ method.getGenericReturnType().getTypeName() + " returned by " + gated.label());
		}
		return new Fallback(handle(fallback), passesEvaluation);
	}

	private static String notFound(GatedMethod gated, String name, Class<?>[] parameters,
			Class<?>[] withEvaluation) {
		String expected = GatedMethod.signature(name, parameters) + " or "
				+ GatedMethod.signature(name, withEvaluation);
		Method[] sameName = ReflectionUtils.getUniqueDeclaredMethods(gated.targetClass(),
				(candidate) -> candidate.getName().equals(name));
		if (sameName.length == 0) {
			return "Fallback method '" + name + "' of " + gated.label() + " does not exist: declare " + expected
					+ " in " + gated.targetClass().getSimpleName();
		}
		StringJoiner found = new StringJoiner(", ");
		for (Method candidate : sameName) {
			found.add(GatedMethod.describe(candidate));
		}
		return "Fallback method " + found + " of " + gated.label() + " has the wrong parameters: declare "
				+ expected;
	}

	private static boolean returnTypeFits(GatedMethod gated, Method fallback) {
		Class<?> expected = gated.method().getReturnType();
		Class<?> actual = fallback.getReturnType();
		if (expected == void.class || actual == void.class) {
			return expected == actual;
		}
		if (expected.isPrimitive() || actual.isPrimitive()) {
			return ClassUtils.isAssignable(expected, actual);
		}
		return gated.returnType()
			.isAssignableFrom(ResolvableType.forMethodReturnType(fallback, gated.targetClass()));
	}

	private static MethodHandle handle(Method fallback) {
		ReflectionUtils.makeAccessible(fallback);
		try {
			MethodHandle handle = MethodHandles.lookup().unreflect(fallback);
			if (Modifier.isStatic(fallback.getModifiers())) {
				handle = MethodHandles.dropArguments(handle, 0, Object.class);
			}
			int count = fallback.getParameterCount();
			return handle.asType(MethodType.genericMethodType(count + 1)).asSpreader(Object[].class, count);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Fallback method " + GatedMethod.describe(fallback) + " cannot be called",
					ex);
		}
	}

}
