package dev.flags.spring.actuate;

import java.util.List;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.spring.DefaultFlagService;
import dev.flags.spring.FlagService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagEvaluationMetrics}.
 */
class FlagEvaluationMetricsTests {

	private static final FlagSnapshot SNAPSHOT = FlagSnapshot.of(Definitions.of(List.of(
			Flag.builder("checkout").rollout(100).exclude("user-9").build(),
			Flag.builder("payments").enabled(false).build()), List.of()));

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final FlagService flags = new DefaultFlagService(() -> SNAPSHOT, FlagContext::anonymous,
			List.of(new FlagEvaluationMetrics(this.meterRegistry)));

	@Test
	void countsEachDecisionByFlagOutcomeAndReason() {
		this.flags.isEnabled("checkout", FlagContext.of("user-1"));
		this.flags.isEnabled("checkout", FlagContext.of("user-2"));
		this.flags.evaluate("checkout", FlagContext.of("user-9"));
		this.flags.variant("payments", FlagContext.of("user-1"), "none");
		this.flags.isEnabled("missing", FlagContext.of("user-1"));
		assertThat(count("checkout", true, "ROLLOUT")).isEqualTo(2);
		assertThat(count("checkout", false, "EXCLUDED")).isEqualTo(1);
		assertThat(count("payments", false, "DISABLED")).isEqualTo(1);
		assertThat(count(FlagEvaluationMetrics.UNDEFINED, false, "FLAG_NOT_FOUND")).isEqualTo(1);
		assertThat(this.meterRegistry.find(FlagEvaluationMetrics.EVALUATIONS).counters()).hasSize(4);
	}

	@Test
	void undefinedKeysShareOneSeriesSoTheyCannotGrowWithoutBound() {
		for (int i = 0; i < 50; i++) {
			this.flags.isEnabled("generated-" + i, FlagContext.of("user-1"));
		}
		assertThat(count(FlagEvaluationMetrics.UNDEFINED, false, "FLAG_NOT_FOUND")).isEqualTo(50);
		assertThat(this.meterRegistry.find(FlagEvaluationMetrics.EVALUATIONS).counters()).hasSize(1);
	}

	@Test
	void aCounterIsRegisteredOncePerFlagAndOutcome() {
		for (int i = 0; i < 100; i++) {
			this.flags.isEnabled("checkout", FlagContext.of("user-" + (i % 3)));
		}
		assertThat(this.meterRegistry.find(FlagEvaluationMetrics.EVALUATIONS).counters()).singleElement()
			.extracting(Counter::count)
			.isEqualTo(100.0);
	}

	private double count(String flag, boolean enabled, String reason) {
		return this.meterRegistry.get(FlagEvaluationMetrics.EVALUATIONS)
			.tags("flag", flag, "enabled", Boolean.toString(enabled), "reason", reason)
			.counter()
			.count();
	}

}
