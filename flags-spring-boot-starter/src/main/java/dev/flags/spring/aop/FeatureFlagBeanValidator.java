package dev.flags.spring.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.flags.core.lifecycle.FlagReference;
import dev.flags.spring.FeatureFlag;
import dev.flags.spring.lifecycle.FlagReferenceSource;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Checks the {@link FeatureFlag @FeatureFlag} declarations of every bean when it is created, so
 * that a missing or ill-fitting fallback, an impossible empty value or a bad unit expression
 * stops the application at startup rather than failing its first call. The same scan records
 * which flag each bean's methods reference, for the lifecycle report.
 */
final class FeatureFlagBeanValidator implements BeanPostProcessor, FlagReferenceSource {

	private final Map<Class<?>, List<GatedMethod>> validated = new ConcurrentHashMap<>();

	// bean name to class, for the beans with gated methods only
	private final Map<String, Class<?>> gatedBeans = new ConcurrentHashMap<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
		List<GatedMethod> gated = this.validated.get(targetClass);
		if (gated == null && AnnotationUtils.isCandidateClass(targetClass, FeatureFlag.class)) {
			gated = validate(targetClass);
			this.validated.put(targetClass, gated);
		}
		if (gated != null && !gated.isEmpty()) {
			this.gatedBeans.put(beanName, targetClass);
		}
		return bean;
	}

	@Override
	public Collection<FlagReference> flagReferences() {
		List<FlagReference> references = new ArrayList<>();
		this.gatedBeans.forEach((beanName, targetClass) -> {
			for (GatedMethod gated : this.validated.getOrDefault(targetClass, List.of())) {
				references.add(new FlagReference(gated.annotation().value(),
						"bean '" + beanName + "' (" + GatedMethod.describe(gated.method()) + ")"));
			}
		});
		return references;
	}

	/**
	 * Resolves the gate of every gated method of a bean class.
	 * @param targetClass the bean class
	 * @return the gated methods
	 * @throws IllegalStateException when a declaration does not fit its method
	 */
	static List<GatedMethod> validate(Class<?> targetClass) {
		List<GatedMethod> methods = new ArrayList<>();
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
			if (Modifier.isFinal(modifiers)) {
				// A class-based proxy (Spring Boot's default) cannot override it: calls would run ungated
				throw new IllegalStateException(gated.label() + " has no effect: a class-based proxy, Spring Boot's "
						+ "default, cannot override a final method; remove 'final' (in Kotlin, make it 'open')");
			}
			Gate.create(gated);
			methods.add(gated);
		}
		return List.copyOf(methods);
	}

}
