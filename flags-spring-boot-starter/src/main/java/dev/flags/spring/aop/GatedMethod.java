package dev.flags.spring.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

import dev.flags.spring.FeatureFlag;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A method of a bean class together with the {@link FeatureFlag} that applies to it.
 *
 * @param method the most specific method, declared by the target class or one of its superclasses
 * @param targetClass the class of the bean
 * @param annotation the annotation that applies: the method's, else its type's
 */
record GatedMethod(Method method, Class<?> targetClass, FeatureFlag annotation) {

	/**
	 * Finds the annotation that applies to a method of a bean: on the method (or a method it
	 * overrides or implements), else on the bean's class or one of its supertypes for a public
	 * method other than {@code equals}, {@code hashCode}, {@code toString} or the annotation's own
	 * fallback.
	 * @param method the method, possibly declared by an interface
	 * @param targetClass the class of the bean
	 * @return the gated method, or null when no annotation applies
	 */
	static @Nullable GatedMethod find(Method method, Class<?> targetClass) {
		if (ReflectionUtils.isObjectMethod(method)) {
			return null;
		}
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		FeatureFlag annotation = AnnotatedElementUtils.findMergedAnnotation(specific, FeatureFlag.class);
		if (annotation != null) {
			return new GatedMethod(specific, targetClass, annotation);
		}
		int modifiers = specific.getModifiers();
		if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers) || specific.isSynthetic()) {
			return null;
		}
		annotation = AnnotatedElementUtils.findMergedAnnotation(targetClass, FeatureFlag.class);
		if (annotation == null || specific.getName().equals(annotation.fallback())) {
			return null;
		}
		return new GatedMethod(specific, targetClass, annotation);
	}

	/**
	 * Whether the method returns a future, which it fails instead of throwing.
	 * @return true for {@code CompletableFuture}, {@code CompletionStage} and {@code Future}
	 */
	boolean async() {
		Class<?> type = this.method.getReturnType();
		return type != Object.class && type.isAssignableFrom(CompletableFuture.class);
	}

	/**
	 * The method's return type, resolved against the target class.
	 * @return the return type
	 */
	ResolvableType returnType() {
		return ResolvableType.forMethodReturnType(this.method, this.targetClass);
	}

	/**
	 * The annotation and the method, for messages: {@code @FeatureFlag("x") on Type.method(Arg)}.
	 * @return the label
	 */
	String label() {
		return "@FeatureFlag(\"" + this.annotation.value() + "\") on " + describe(this.method);
	}

	/**
	 * A method for messages: {@code Type.method(Arg, Other)}.
	 * @param method the method
	 * @return the description
	 */
	static String describe(Method method) {
		return method.getDeclaringClass().getSimpleName() + "." + signature(method.getName(),
				method.getParameterTypes());
	}

	/**
	 * A signature for messages: {@code method(Arg, Other)}.
	 * @param name the method name
	 * @param parameterTypes the parameter types
	 * @return the signature
	 */
	static String signature(String name, Class<?>[] parameterTypes) {
		StringJoiner parameters = new StringJoiner(", ", name + "(", ")");
		for (Class<?> type : parameterTypes) {
			parameters.add(type.getSimpleName());
		}
		return parameters.toString();
	}

}
