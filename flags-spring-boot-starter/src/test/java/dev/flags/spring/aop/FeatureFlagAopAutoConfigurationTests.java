package dev.flags.spring.aop;

import java.util.concurrent.atomic.AtomicInteger;

import dev.flags.spring.FeatureDisabledException;
import dev.flags.spring.FeatureFlag;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FeatureFlagAopAutoConfiguration}.
 */
class FeatureFlagAopAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FeatureFlagAopAutoConfiguration.class));

	@Test
	void backsOffWithoutFlagService() {
		this.runner.withBean(GatedService.class).run((context) -> {
			assertThat(context).doesNotHaveBean(FeatureFlagAdvisor.class)
				.doesNotHaveBean(FeatureFlagBeanValidator.class);
			assertThat(AopUtils.isAopProxy(context.getBean(GatedService.class))).isFalse();
		});
	}

	@Test
	void gatesWithoutSpringBootAopAutoConfiguration() {
		this.runner.withBean(TestFlagService.class, TestFlagService::new)
			.withBean(GatedService.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(FeatureFlagAdvisor.class).hasSingleBean(FeatureFlagBeanValidator.class);
				context.getBean(TestFlagService.class).turnOff("gated");
				assertThatExceptionOfType(FeatureDisabledException.class)
					.isThrownBy(() -> context.getBean(GatedService.class).run());
			});
	}

	@Test
	void canBeDisabled() {
		this.runner.withBean(TestFlagService.class, TestFlagService::new)
			.withBean(GatedService.class)
			.withPropertyValues("flags.aop.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(FeatureFlagAdvisor.class);
				context.getBean(TestFlagService.class).turnOff("gated");
				assertThat(context.getBean(GatedService.class).run()).isEqualTo("ran");
			});
	}

	@Test
	void advisorRunsFirstByDefault() {
		this.runner.withBean(TestFlagService.class, TestFlagService::new)
			.run((context) -> assertThat(context.getBean(FeatureFlagAdvisor.class).getOrder()).isZero());
	}

	@Test
	void advisorOrderIsConfigurable() {
		this.runner.withBean(TestFlagService.class, TestFlagService::new)
			.withPropertyValues("flags.aop.order=42")
			.run((context) -> assertThat(context.getBean(FeatureFlagAdvisor.class).getOrder()).isEqualTo(42));
	}

	@Test
	void flagIsCheckedBeforeLaterAdvisors() {
		CountingAdvisor counting = new CountingAdvisor(100);
		this.runner.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class))
			.withBean(TestFlagService.class, TestFlagService::new)
			.withBean(CountingAdvisor.class, () -> counting, FeatureFlagAopAutoConfigurationTests::infrastructure)
			.withBean(GatedService.class)
			.run((context) -> {
				context.getBean(TestFlagService.class).turnOff("gated");
				assertThatExceptionOfType(FeatureDisabledException.class)
					.isThrownBy(() -> context.getBean(GatedService.class).run());
				assertThat(counting.calls).hasValue(0);
			});
	}

	@Test
	void flagIsCheckedAfterEarlierAdvisorsWhenOrderedSo() {
		CountingAdvisor counting = new CountingAdvisor(100);
		this.runner.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class))
			.withBean(TestFlagService.class, TestFlagService::new)
			.withBean(CountingAdvisor.class, () -> counting, FeatureFlagAopAutoConfigurationTests::infrastructure)
			.withBean(GatedService.class)
			.withPropertyValues("flags.aop.order=200")
			.run((context) -> {
				context.getBean(TestFlagService.class).turnOff("gated");
				assertThatExceptionOfType(FeatureDisabledException.class)
					.isThrownBy(() -> context.getBean(GatedService.class).run());
				assertThat(counting.calls).hasValue(1);
			});
	}

	@Test
	void userDefinedAdvisorReplacesAutoConfiguredOne() {
		FeatureFlagAdvisor advisor = new FeatureFlagAdvisor(TestFlagService::new);
		this.runner.withBean(TestFlagService.class, TestFlagService::new)
			.withBean("customAdvisor", FeatureFlagAdvisor.class, () -> advisor)
			.run((context) -> assertThat(context).getBean(FeatureFlagAdvisor.class).isSameAs(advisor));
	}

	private static void infrastructure(BeanDefinition definition) {
		definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
	}

	static class CountingAdvisor extends DefaultPointcutAdvisor {

		final AtomicInteger calls = new AtomicInteger();

		CountingAdvisor(int order) {
			setPointcut(new AnnotationMatchingPointcut(null, FeatureFlag.class));
			setAdvice((MethodInterceptor) (invocation) -> {
				this.calls.incrementAndGet();
				return invocation.proceed();
			});
			setOrder(order);
		}

	}

	static class GatedService {

		@FeatureFlag("gated")
		public String run() {
			return "ran";
		}

	}

}
