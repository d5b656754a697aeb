package dev.flags.spring.aop;

import java.util.function.Supplier;

import dev.flags.spring.FeatureFlag;
import dev.flags.spring.FlagService;
import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;

/**
 * The advisor that gates methods annotated with {@link FeatureFlag @FeatureFlag}. The starter
 * registers one, ordered by {@code flags.aop.order}; build one yourself to gate a bean made with a
 * {@link org.springframework.aop.framework.ProxyFactory}.
 */
public final class FeatureFlagAdvisor extends AbstractPointcutAdvisor {

	private final Pointcut pointcut = new FeatureFlagPointcut();

	private final Advice advice;

	/**
	 * Creates an advisor.
	 * @param flagService supplies the service flags are evaluated with, on the first gated call
	 */
	public FeatureFlagAdvisor(Supplier<FlagService> flagService) {
		this.advice = new FeatureFlagInterceptor(flagService);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.advice;
	}

}
