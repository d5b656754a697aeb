package dev.flags.test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs example test classes with the JUnit Platform's test kit, sequentially or in parallel.
 */
public final class Runs {

	private Runs() {
	}

	/**
	 * Runs an example class.
	 * @param testClass the example
	 * @return the events of the run
	 */
	public static EngineExecutionResults run(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(testClass))
			.configurationParameter(TestKitExample.PARAMETER, "true")
			.execute();
	}

	/**
	 * Runs example classes with JUnit's parallel execution, every test concurrent by default.
	 * @param threads the parallelism
	 * @param testClasses the examples
	 * @return the events of the run
	 */
	public static EngineExecutionResults runInParallel(int threads, Class<?>... testClasses) {
		return EngineTestKit.engine("junit-jupiter")
			.selectors(Arrays.stream(testClasses).map((type) -> selectClass(type)).toList())
			.configurationParameters(Map.of(TestKitExample.PARAMETER, "true",
					"junit.jupiter.execution.parallel.enabled", "true",
					"junit.jupiter.execution.parallel.mode.default", "concurrent",
					"junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
					"junit.jupiter.execution.parallel.config.strategy", "fixed",
					"junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(threads),
					"junit.jupiter.execution.parallel.config.fixed.max-pool-size", String.valueOf(threads * 4)))
			.execute();
	}

	/**
	 * The display names of the tests that started, in order.
	 * @param results the events of a run
	 * @return the display names
	 */
	public static List<String> displayNames(EngineExecutionResults results) {
		return results.testEvents().started().stream().map(Runs::displayName).toList();
	}

	/**
	 * The display name of an event's test.
	 * @param event the event
	 * @return the display name
	 */
	public static String displayName(Event event) {
		return event.getTestDescriptor().getDisplayName();
	}

	/**
	 * The values published as report entries under a key.
	 * @param results the events of a run
	 * @param key the key
	 * @return the values, in order
	 */
	public static List<String> reportEntries(EngineExecutionResults results, String key) {
		return results.allEvents()
			.reportingEntryPublished()
			.stream()
			.map((event) -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(key))
			.filter(Objects::nonNull)
			.toList();
	}

	/**
	 * The messages of the failures of a run, tests and containers.
	 * @param results the events of a run
	 * @return the messages
	 */
	public static List<String> failureMessages(EngineExecutionResults results) {
		return results.allEvents()
			.failed()
			.stream()
			.map((event) -> event.getRequiredPayload(TestExecutionResult.class)
				.getThrowable()
				.map(Throwable::getMessage)
				.orElse(""))
			.toList();
	}

}
