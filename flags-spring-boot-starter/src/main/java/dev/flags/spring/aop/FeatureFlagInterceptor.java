package dev.flags.spring.aop;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import dev.flags.spring.FlagService;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs a gated method, or its disabled handling, according to its flag. The gate of each method
 * is resolved on its first call and cached, so a call does two map reads and the flag evaluation.
 */
final class FeatureFlagInterceptor implements MethodInterceptor {

	private final Supplier<FlagService> flagService;

	// by method, then by bean class: the same interface method may be gated differently per bean
	private final ConcurrentMap<Method, ConcurrentMap<Class<?>, Gate>> gates = new ConcurrentHashMap<>();

	FeatureFlagInterceptor(Supplier<FlagService> flagService) {
		this.flagService = SingletonSupplier.of(flagService);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		Object target = invocation.getThis();
		// the bean itself, or a class-based proxy of it whose user class the gate is resolved for
		Class<?> targetClass = (target != null) ? target.getClass() : method.getDeclaringClass();
		Gate gate = gate(method, targetClass);
		return (gate != null) ? gate.invoke(invocation, this.flagService.get()) : invocation.proceed();
	}

	private @Nullable Gate gate(Method method, Class<?> targetClass) {
		ConcurrentMap<Class<?>, Gate> byClass = this.gates.get(method);
		Gate gate = (byClass != null) ? byClass.get(targetClass) : null;
		if (gate != null) {
			return gate;
		}
		GatedMethod gated = GatedMethod.find(method, ClassUtils.getUserClass(targetClass));
		if (gated == null) {
			return null;
		}
		return this.gates.computeIfAbsent(method, (key) -> new ConcurrentHashMap<>(2))
			.computeIfAbsent(targetClass, (key) -> Gate.create(gated));
	}

}
