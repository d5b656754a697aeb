package dev.flags.spring.aop;

import java.lang.reflect.Method;

import dev.flags.spring.FeatureFlag;

import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Matches the methods a {@link FeatureFlag @FeatureFlag} applies to, on the method, an overridden
 * or implemented method, or the bean's type.
 */
final class FeatureFlagPointcut extends StaticMethodMatcherPointcut {

	FeatureFlagPointcut() {
		setClassFilter((type) -> AnnotationUtils.isCandidateClass(type, FeatureFlag.class));
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		return GatedMethod.find(method, targetClass) != null;
	}

}
