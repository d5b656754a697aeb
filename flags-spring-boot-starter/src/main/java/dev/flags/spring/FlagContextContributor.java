package dev.flags.spring;

import dev.flags.core.model.FlagContext;

/**
 * Adds attributes to the context of an HTTP request from what the server knows about the user:
 * their plan, signup date or account, read from the user's record. Declare beans of this type;
 * they run once per request, after the key and the header attributes are resolved, in
 * {@link org.springframework.core.Ordered order}, each seeing what the ones before it added.
 * <p>
 * Attributes added here are server-known: a client cannot set them, so rules that decide who
 * may see something should use these (and the key from the authenticated principal), never
 * attributes taken from request headers.
 * <p>
 * A contributor that throws is skipped for that request (and logged); the attributes it would
 * have added are missing, so rules on them do not match.
 */
@FunctionalInterface
public interface FlagContextContributor {

	/**
	 * Adds or replaces attributes of the request's context.
	 * @param context the context as resolved so far; its key identifies the user, when known
	 * @param builder a builder started from {@code context}; set attributes (or the key) on it
	 */
	void contribute(FlagContext context, FlagContext.Builder builder);

}
