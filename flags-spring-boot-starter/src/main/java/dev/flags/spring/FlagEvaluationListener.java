package dev.flags.spring;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.FlagContext;

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

	/**
	 * Called with a decision, the context it was made for and the snapshot it was read from; the
	 * service calls this method. Override it when the context matters (exposure logging needs the
	 * unit); by default it calls {@link #onEvaluation(String, Evaluation)}.
	 * @param key the flag key asked for, whether or not such a flag is defined
	 * @param evaluation the decision and its reason
	 * @param context who the flag was evaluated for
	 * @param snapshot the definitions the decision was read from
	 */
	default void onEvaluation(String key, Evaluation evaluation, FlagContext context, FlagSnapshot snapshot) {
		onEvaluation(key, evaluation);
	}

}
