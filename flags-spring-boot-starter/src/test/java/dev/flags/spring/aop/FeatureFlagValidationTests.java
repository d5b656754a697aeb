package dev.flags.spring.aop;

import java.util.List;
import java.util.Optional;

import dev.flags.core.model.Evaluation;
import dev.flags.spring.FeatureFlag;
import dev.flags.spring.FeatureFlag.WhenDisabled;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link FeatureFlag @FeatureFlag} declarations that cannot work stop the application
 * when the bean is created.
 */
class FeatureFlagValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FeatureFlagAopAutoConfiguration.class))
		.withBean(TestFlagService.class, TestFlagService::new);

	@Test
	void missingFallbackFailsStartupNamingBothMethods() {
		this.runner.withBean(MissingFallback.class)
			.run((context) -> assertThat(startupError(context)).contains("MissingFallback.price(String)")
				.contains("'cheaperPrice'")
				.contains("cheaperPrice(String) or cheaperPrice(String, Evaluation)"));
	}

	@Test
	void fallbackWithWrongParametersFailsStartupNamingBothMethods() {
		this.runner.withBean(WrongParameters.class)
			.run((context) -> assertThat(startupError(context)).contains("WrongParameters.oldPrice(String, int)")
				.contains("WrongParameters.price(String)")
				.contains("wrong parameters"));
	}

	@Test
	void fallbackWithWrongReturnTypeFailsStartupNamingBothMethods() {
		this.runner.withBean(WrongReturnType.class)
			.run((context) -> assertThat(startupError(context)).contains("WrongReturnType.oldPrice(String)")
				.contains("WrongReturnType.price(String)")
				.contains("returns java.lang.String")
				.contains("int"));
	}

	@Test
	void fallbackWithWrongGenericReturnTypeFailsStartup() {
		this.runner.withBean(WrongGenericReturnType.class)
			.run((context) -> assertThat(startupError(context)).contains("WrongGenericReturnType.oldName()")
				.contains("java.util.Optional<java.lang.Integer>")
				.contains("java.util.Optional<java.lang.String>"));
	}

	@Test
	void fallbackThatIsTheMethodItselfFailsStartup() {
		this.runner.withBean(SelfFallback.class)
			.run((context) -> assertThat(startupError(context)).contains("SelfFallback.price(String)")
				.contains("is the method itself"));
	}

	@Test
	void fallbackAndEmptyValueTogetherFailStartup() {
		this.runner.withBean(FallbackAndEmpty.class)
			.run((context) -> assertThat(startupError(context)).contains("FallbackAndEmpty.names()")
				.contains("RETURN_EMPTY"));
	}

	@Test
	void emptyValueOfTypeWithoutOneFailsStartup() {
		this.runner.withBean(NoEmptyValue.class)
			.run((context) -> assertThat(startupError(context)).contains("NoEmptyValue.count()")
				.contains("int has no empty value"));
	}

	@Test
	void unitExpressionNamingUnknownParameterFailsStartup() {
		this.runner.withBean(UnknownParameter.class)
			.run((context) -> assertThat(startupError(context)).contains("UnknownParameter.price(String)")
				.contains("#customer,")
				.contains("#customerId"));
	}

	@Test
	void unparsableUnitExpressionFailsStartup() {
		this.runner.withBean(UnparsableUnit.class)
			.run((context) -> assertThat(startupError(context)).contains("UnparsableUnit.price(String)")
				.contains("is not valid"));
	}

	@Test
	void annotationOnPrivateMethodFailsStartup() {
		this.runner.withBean(PrivateMethod.class)
			.run((context) -> assertThat(startupError(context)).contains("PrivateMethod.hidden()")
				.contains("private"));
	}

	@Test
	void annotationOnFinalMethodFailsStartupRatherThanRunningUngated() {
		this.runner.withBean(FinalMethod.class)
			.run((context) -> assertThat(startupError(context)).contains("FinalMethod.price()")
				.contains("cannot override a final method"));
	}

	@Test
	void blankFlagKeyFailsStartup() {
		this.runner.withBean(BlankKey.class)
			.run((context) -> assertThat(startupError(context)).contains("BlankKey.price()").contains("names no flag"));
	}

	@Test
	void validDeclarationsStart() {
		this.runner.withBean(Valid.class).run((context) -> assertThat(context).hasNotFailed());
	}

	private static String startupError(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof IllegalStateException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("IllegalStateException in the startup failure").isNotNull();
		return failure.getMessage();
	}

	static class MissingFallback {

		@FeatureFlag(value = "cheap", fallback = "cheaperPrice")
		public int price(String customerId) {
			return 1;
		}

	}

	static class WrongParameters {

		@FeatureFlag(value = "cheap", fallback = "oldPrice")
		public int price(String customerId) {
			return 1;
		}

		public int oldPrice(String customerId, int quantity) {
			return 2;
		}

	}

	static class WrongReturnType {

		@FeatureFlag(value = "cheap", fallback = "oldPrice")
		public int price(String customerId) {
			return 1;
		}

		public String oldPrice(String customerId) {
			return "2";
		}

	}

	static class WrongGenericReturnType {

		@FeatureFlag(value = "names", fallback = "oldName")
		public Optional<String> name() {
			return Optional.of("new");
		}

		public Optional<Integer> oldName() {
			return Optional.of(1);
		}

	}

	static class SelfFallback {

		@FeatureFlag(value = "cheap", fallback = "price")
		public int price(String customerId) {
			return 1;
		}

	}

	static class FallbackAndEmpty {

		@FeatureFlag(value = "names", fallback = "oldNames", whenDisabled = WhenDisabled.RETURN_EMPTY)
		public Optional<String> names() {
			return Optional.of("new");
		}

		public Optional<String> oldNames() {
			return Optional.of("old");
		}

	}

	static class NoEmptyValue {

		@FeatureFlag(value = "count", whenDisabled = WhenDisabled.RETURN_EMPTY)
		public int count() {
			return 1;
		}

	}

	static class UnknownParameter {

		@FeatureFlag(value = "cheap", unit = "#customer", fallback = "oldPrice")
		public int price(String customerId) {
			return 1;
		}

		public int oldPrice(String customerId) {
			return 2;
		}

	}

	static class UnparsableUnit {

		@FeatureFlag(value = "cheap", unit = "#customerId +")
		public int price(String customerId) {
			return 1;
		}

	}

	static class FinalMethod {

		@FeatureFlag("new-pricing")
		public final String price() {
			return "new";
		}

	}

	static class PrivateMethod {

		public String visible() {
			return hidden();
		}

		@FeatureFlag("hidden")
		private String hidden() {
			return "hidden";
		}

	}

	static class BlankKey {

		@FeatureFlag(" ")
		public int price() {
			return 1;
		}

	}

	static class Valid {

		@FeatureFlag(value = "cheap", unit = "#customerId", fallback = "oldPrice")
		public Integer price(String customerId) {
			return 1;
		}

		int oldPrice(String customerId, Evaluation evaluation) {
			return 2;
		}

		@FeatureFlag(value = "cheap", fallback = "anyNames")
		public Iterable<String> names() {
			return List.of();
		}

		public List<String> anyNames() {
			return List.of();
		}

	}

}
