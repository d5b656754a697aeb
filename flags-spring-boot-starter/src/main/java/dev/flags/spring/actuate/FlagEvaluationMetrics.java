package dev.flags.spring.actuate;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Reason;
import dev.flags.spring.FlagEvaluationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts decisions in {@value #EVALUATIONS}, tagged {@code flag}, {@code enabled} and
 * {@code reason}; keys that name no defined flag are counted under {@value #UNDEFINED}. Cheap enough for the hot path: the counter of each flag and outcome is
 * registered on first use and then found with one map read and one array read, with no tags
 * built and nothing allocated per call.
 */
public final class FlagEvaluationMetrics implements FlagEvaluationListener {

	/** The name of the counter. */
	public static final String EVALUATIONS = "flags.evaluations";

	/** The {@code flag} tag of keys no flag is defined for, so that they cannot grow the series without bound. */
	public static final String UNDEFINED = "(undefined)";

	private static final Reason[] REASONS = Reason.values();

	private static final int OUTCOMES = REASONS.length * 2;

	private final MeterRegistry meterRegistry;

	private final ConcurrentMap<String, AtomicReferenceArray<Counter>> counters = new ConcurrentHashMap<>();

	/**
	 * Creates the metrics.
	 * @param meterRegistry where the counters are registered
	 */
	public FlagEvaluationMetrics(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void onEvaluation(String flagKey, Evaluation evaluation) {
		// Defined flags are bounded by the definitions; any string can be asked for. The lifecycle
		// report names undefined keys and where they are used.
		String key = (evaluation.reason() == Reason.FLAG_NOT_FOUND) ? UNDEFINED : flagKey;
		AtomicReferenceArray<Counter> flagCounters = this.counters.get(key);
		if (flagCounters == null) {
			flagCounters = this.counters.computeIfAbsent(key, (flag) -> new AtomicReferenceArray<>(OUTCOMES));
		}
		int outcome = evaluation.reason().ordinal() * 2 + (evaluation.enabled() ? 1 : 0);
		Counter counter = flagCounters.get(outcome);
		if (counter == null) {
			// Threads racing here register the same meter: the registry hands out one counter per id.
			counter = register(key, evaluation);
			flagCounters.set(outcome, counter);
		}
		counter.increment();
	}

	private Counter register(String key, Evaluation evaluation) {
		return Counter.builder(EVALUATIONS)
			.description("Flag decisions, by flag, outcome and reason")
			.tag("flag", key)
			.tag("enabled", Boolean.toString(evaluation.enabled()))
			.tag("reason", evaluation.reason().name())
			.register(this.meterRegistry);
	}

}
