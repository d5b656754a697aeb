package dev.flags.spring;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.FlagContext;

/**
 * Evaluates flags for the application. The methods without a context use the current one: the
 * context of the current HTTP request (built once per request by the
 * {@link FlagContextProvider}), or the anonymous context outside a request. Background workers
 * pass an explicit context and get the same decisions as the web app for the same user.
 * <p>
 * Within an HTTP request, every decision comes from the snapshot that was current at the
 * request's first evaluation (see {@link FlagSnapshotProvider}): a flag changed mid-request keeps
 * the decision the request first got, and the request never sees half of a change.
 * <p>
 * Decisions follow the evaluation spec exactly. No method throws: a flag that is not defined, or
 * cannot be evaluated, gives the default (off, or the given default variant).
 */
public interface FlagService {

	/**
	 * Whether a flag is on for the current context.
	 * @param key the flag key
	 * @return true when on
	 */
	boolean isEnabled(String key);

	/**
	 * Whether a flag is on for a context.
	 * @param key the flag key
	 * @param context who it is evaluated for
	 * @return true when on
	 */
	boolean isEnabled(String key, FlagContext context);

	/**
	 * The variant the current context gets.
	 * @param key the flag key
	 * @param defaultVariant served when the flag is off, missing or has no variants
	 * @return the variant
	 */
	String variant(String key, String defaultVariant);

	/**
	 * The variant a context gets.
	 * @param key the flag key
	 * @param context who it is evaluated for
	 * @param defaultVariant served when the flag is off, missing or has no variants
	 * @return the variant
	 */
	String variant(String key, FlagContext context, String defaultVariant);

	/**
	 * The full evaluation for the current context, with its reason.
	 * @param key the flag key
	 * @return the evaluation
	 */
	Evaluation evaluate(String key);

	/**
	 * The full evaluation for a context, with its reason.
	 * @param key the flag key
	 * @param context who it is evaluated for
	 * @return the evaluation
	 */
	Evaluation evaluate(String key, FlagContext context);

	/**
	 * Records that the current context converted on a metric (value 1), for the experiments that
	 * declare it; see {@link #track(FlagContext, String, double)}.
	 * @param metric the metric's name
	 */
	default void track(String metric) {
		track(currentContext(), metric, 1);
	}

	/**
	 * Records a metric event with a value for the current context, for the experiments that
	 * declare the metric; see {@link #track(FlagContext, String, double)}.
	 * @param metric the metric's name
	 * @param value the event's value, for example the order's amount
	 */
	default void track(String metric, double value) {
		track(currentContext(), metric, value);
	}

	/**
	 * Records that a context converted on a metric (value 1).
	 * @param context who converted
	 * @param metric the metric's name
	 */
	default void track(FlagContext context, String metric) {
		track(context, metric, 1);
	}

	/**
	 * Records a metric event for a context. Experiments attribute it to the variant the
	 * context's unit was exposed to, and aggregate it per user: a binomial metric counts a user
	 * once, however many events they have; a continuous one sums the user's values. A user who
	 * was never exposed to an experiment is not counted in it. The default implementation does
	 * nothing; {@link DefaultFlagService} tells its {@link ConversionListener conversion
	 * listeners}.
	 * @param context who the event is for
	 * @param metric the metric's name
	 * @param value the event's value
	 * @throws IllegalArgumentException if the metric name is not valid or the value is not finite
	 */
	default void track(FlagContext context, String metric, double value) {
	}

	/**
	 * The current context: the request's, or the anonymous context outside a request.
	 * @return the context
	 */
	FlagContext currentContext();

	/**
	 * The snapshot of definitions decisions are read from now.
	 * @return the snapshot
	 */
	FlagSnapshot snapshot();

}
