package dev.flags.spring.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.flags.spring.FeatureFlag;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Checks the {@link FeatureFlag @FeatureFlag} declarations of every bean when it is created, so
 * that a missing or ill-fitting fallback, an impossible empty value or a bad unit expression
 * stops the application at startup rather than failing its first call.
 */
final class FeatureFlagBeanValidator implements BeanPostProcessor {

	private final Set<Class<?>> validated = ConcurrentHashMap.newKeySet();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
		if (!this.validated.contains(targetClass) && AnnotationUtils.isCandidateClass(targetClass, FeatureFlag.class)) {
			validate(targetClass);
			this.validated.add(targetClass);
		}
		return bean;
	}

	/**
	 * Resolves the gate of every gated method of a bean class.
	 * @param targetClass the bean class
	 * @throws IllegalStateException when a declaration does not fit its method
	 */
	static void validate(Class<?> targetClass) {
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(targetClass,
				ReflectionUtils.USER_DECLARED_METHODS)) {
			GatedMethod gated = GatedMethod.find(method, targetClass);
			if (gated == null) {
				continue;
			}
			int modifiers = gated.method().getModifiers();
			if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers)) {
				throw new IllegalStateException(gated.label() + " has no effect: a proxy cannot gate a "
						+ (Modifier.isPrivate(modifiers) ? "private" : "static") + " method");
			}
			Gate.create(gated);
		}
	}

}
