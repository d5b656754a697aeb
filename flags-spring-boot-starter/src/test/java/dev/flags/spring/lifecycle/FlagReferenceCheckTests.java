package dev.flags.spring.lifecycle;

import java.time.Clock;
import java.util.List;

import dev.flags.core.lifecycle.FlagReference;
import dev.flags.core.lifecycle.LifecycleReport;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStore;
import dev.flags.core.store.FlagStoreException;
import dev.flags.core.store.StoreListener;
import dev.flags.spring.FeatureFlag;
import dev.flags.spring.FlagService;
import dev.flags.spring.aop.FeatureFlagAopAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsLifecycleAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check, at startup, of the flags the application's beans reference through
 * {@link FeatureFlag @FeatureFlag} against the flags that are defined, both ways.
 */
@ExtendWith(OutputCaptureExtension.class)
class FlagReferenceCheckTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withPropertyValues("flags.definitions.flags.checkout.rollout=25",
				"flags.definitions.flags.forgotten.rollout=25", "flags.definitions.flags.payments.kind=kill-switch",
				"flags.definitions.flags.payments.rollout=100")
		.withConfiguration(AutoConfigurations.of(FlagsAutoConfiguration.class, FeatureFlagAopAutoConfiguration.class,
				FlagsLifecycleAutoConfiguration.class));

	@Test
	void aReferenceToAnUndefinedFlagIsAWarningNamingTheBeanAndMethod(CapturedOutput output) {
		this.contextRunner.withBean("checkoutService", CheckoutService.class).run((context) -> {
			assertThat(context).hasNotFailed();
			LifecycleReport report = context.getBean(LifecycleReporter.class).report();
			assertThat(report.undefined()).containsExactly(
					new FlagReference("chekout", "bean 'checkoutService' (CheckoutService.payWithTypo(String))"));
			assertThat(output).contains("WARN")
				.contains("undefined: 'chekout' is not a defined flag, so it serves the caller's default; "
						+ "referenced by bean 'checkoutService' (CheckoutService.payWithTypo(String))");
		});
	}

	@Test
	void aReferenceToAnUndefinedFlagFailsStartupWhenConfigured() {
		this.contextRunner.withBean("checkoutService", CheckoutService.class)
			.withPropertyValues("flags.lifecycle.fail-on-undefined-references=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(UndefinedFlagReferencesException.class)
					.hasMessageContaining("'chekout' in bean 'checkoutService' (CheckoutService.payWithTypo(String))");
				assertThat(((UndefinedFlagReferencesException) context.getStartupFailure()).getReferences())
					.extracting(FlagReference::key)
					.containsExactly("chekout");
			});
	}

	@Test
	void startsWhenConfiguredToFailAndEveryReferenceIsDefined() {
		this.contextRunner.withBean("paymentService", PaymentService.class)
			.withPropertyValues("flags.lifecycle.fail-on-undefined-references=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aTemporaryFlagThatNothingReferencesIsARemovalCandidate(CapturedOutput output) {
		this.contextRunner.withBean("paymentService", PaymentService.class).run((context) -> {
			LifecycleReport report = context.getBean(LifecycleReporter.class).report();
			// payments is a kill switch: permanent, never a removal candidate.
			assertThat(report.unreferenced()).containsExactly("forgotten");
			assertThat(report.undefined()).isEmpty();
			assertThat(output).doesNotContain("Flag lifecycle");
		});
	}

	@Test
	void keysAskedForAtRunTimeCountAsReferences() {
		this.contextRunner.withBean("paymentService", PaymentService.class).run((context) -> {
			FlagService flags = context.getBean(FlagService.class);
			flags.isEnabled("forgotten");
			flags.isEnabled("forgoten");
			LifecycleReport report = context.getBean(LifecycleReporter.class).report();
			assertThat(report.unreferenced()).isEmpty();
			assertThat(report.undefined())
				.containsExactly(new FlagReference("forgoten", FlagReference.FLAG_SERVICE));
		});
	}

	@Test
	void theCheckIsSkippedWhileTheStoreCannotBeRead(CapturedOutput output) {
		this.contextRunner.withBean("checkoutService", CheckoutService.class)
			.withBean(FlagRegistry.class,
					() -> new FlagRegistry(new UnreadableStore(), Definitions.empty(), Clock.systemUTC()))
			.withPropertyValues("flags.lifecycle.fail-on-undefined-references=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Flag lifecycle not checked: the flags could not be loaded from the store")
					.contains("Redis is down");
			});
	}

	@Test
	void withoutTheAnnotationSupportOnlyRunTimeReferencesCount() {
		this.contextRunner.withBean("checkoutService", CheckoutService.class)
			.withPropertyValues("flags.aop.enabled=false", "flags.lifecycle.fail-on-undefined-references=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(LifecycleReporter.class).report().unreferenced())
					.containsExactly("checkout", "forgotten");
			});
	}

	static class CheckoutService {

		@FeatureFlag(value = "checkout", fallback = "classicPay")
		public String pay(String order) {
			return "paid " + order;
		}

		String classicPay(String order) {
			return "paid the old way " + order;
		}

		@FeatureFlag(value = "chekout", whenDisabled = FeatureFlag.WhenDisabled.RETURN_EMPTY)
		public void payWithTypo(String order) {
		}

	}

	@FeatureFlag("payments")
	static class PaymentService {

		public String charge() {
			return "charged";
		}

		@FeatureFlag("checkout")
		public String checkout() {
			return "checked out";
		}

	}

	static final class UnreadableStore implements FlagStore {

		@Override
		public Definitions load() {
			throw new FlagStoreException("Redis is down");
		}

		@Override
		public long revision() {
			throw new FlagStoreException("Redis is down");
		}

		@Override
		public Flag save(Flag flag, long expectedVersion) {
			throw new FlagStoreException("Redis is down");
		}

		@Override
		public void delete(String key, long expectedVersion) {
			throw new FlagStoreException("Redis is down");
		}

		@Override
		public Subscription subscribe(StoreListener listener) {
			return () -> {
			};
		}

	}

}
