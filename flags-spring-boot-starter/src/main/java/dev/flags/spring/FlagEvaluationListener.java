package dev.flags.spring;

import dev.flags.core.model.Evaluation;

/**
 * Told of every decision {@link DefaultFlagService} makes, for metrics or exposure logging.
 * Declare beans of this type; the service calls them in order on the caller's thread, after the
 * decision is made. Without any, the service does no extra work at all.
 * <p>
 * Listeners run on the hot path: they must be fast, must not block, and should not allocate.
 * The evaluations passed are mostly shared instances that the engine allocates once per flag and
 * outcome. A listener that throws is ignored; the caller still gets its decision.
 */
@FunctionalInterface
public interface FlagEvaluationListener {

	/**
	 * Called with a decision.
	 * @param key the flag key asked for, whether or not such a flag is defined
	 * @param evaluation the decision and its reason
	 */
	void onEvaluation(String key, Evaluation evaluation);

}
