package dev.flags.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks an example test class that {@link Runs} runs with the test kit; some of its tests fail
 * on purpose, so it is skipped when a build or an IDE picks it up by itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestKitExample.OnlyInTestKit.class)
public @interface TestKitExample {

	/**
	 * The configuration parameter {@link Runs} sets.
	 */
	String PARAMETER = "dev.flags.test.example";

	/**
	 * Enables the example only in a run of {@link Runs}.
	 */
	class OnlyInTestKit implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return context.getConfigurationParameter(PARAMETER).isPresent()
					? ConditionEvaluationResult.enabled("run by the test kit")
					: ConditionEvaluationResult.disabled("an example run by the test kit only");
		}

	}

}
