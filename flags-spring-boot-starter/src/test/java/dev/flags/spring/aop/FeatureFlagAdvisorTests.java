package dev.flags.spring.aop;

import dev.flags.spring.FeatureDisabledException;
import dev.flags.spring.FeatureFlag;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FeatureFlagAdvisor} applied without an application context.
 */
class FeatureFlagAdvisorTests {

	private final TestFlagService flags = new TestFlagService();

	@Test
	void gatesInterfaceBasedProxy() {
		ProxyFactory factory = new ProxyFactory(new DefaultGreeter());
		factory.addAdvisor(new FeatureFlagAdvisor(() -> this.flags));
		Greeter greeter = (Greeter) factory.getProxy();
		assertThat(AopUtils.isJdkDynamicProxy(greeter)).isTrue();
		assertGated(greeter);
	}

	@Test
	void gatesClassBasedProxy() {
		ProxyFactory factory = new ProxyFactory(new DefaultGreeter());
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new FeatureFlagAdvisor(() -> this.flags));
		Greeter greeter = (Greeter) factory.getProxy();
		assertThat(AopUtils.isCglibProxy(greeter)).isTrue();
		assertGated(greeter);
	}

	@Test
	void doesNotAdviseMethodsWithoutAnnotation() {
		FeatureFlagAdvisor advisor = new FeatureFlagAdvisor(() -> this.flags);
		assertThat(AopUtils.canApply(advisor, Plain.class)).isFalse();
		assertThat(AopUtils.canApply(advisor, DefaultGreeter.class)).isTrue();
	}

	private void assertGated(Greeter greeter) {
		this.flags.turnOff("greetings");
		assertThat(greeter.greet("ann")).isEqualTo("hi ann");
		assertThatExceptionOfType(FeatureDisabledException.class).isThrownBy(() -> greeter.wave("ann"));
		this.flags.turnOn("greetings");
		assertThat(greeter.greet("ann")).isEqualTo("hello ann");
		assertThat(greeter.wave("ann")).isEqualTo("waves at ann");
	}

	interface Greeter {

		@FeatureFlag(value = "greetings", fallback = "shortGreeting")
		String greet(String name);

		@FeatureFlag("greetings")
		String wave(String name);

	}

	static class DefaultGreeter implements Greeter {

		@Override
		public String greet(String name) {
			return "hello " + name;
		}

		@Override
		public String wave(String name) {
			return "waves at " + name;
		}

		private String shortGreeting(String name) {
			return "hi " + name;
		}

	}

	static class Plain {

		public String run() {
			return "ran";
		}

	}

}
