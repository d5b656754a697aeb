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
