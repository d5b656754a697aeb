package dev.flags.core.eval;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Reason;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluates one condition, written as JSON, through a whole snapshot: a flag at 0 % whose only
 * rule (at the default 100 %) has that condition, so the flag is on exactly when it holds.
 */
final class ConditionCheck {

	private static final String SEGMENTS = """
			[ { "key": "staff", "include": ["user-inc", "user-both"], "exclude": ["user-exc", "user-both"],
			    "rules": [ { "when": [ { "attribute": "email", "op": "ends_with", "values": ["@example.com"] } ] } ] },
			  { "key": "beta", "rules": [ { "when": [ { "attribute": "groups", "op": "in", "values": ["beta"] } ] } ] },
			  { "key": "everyone", "rules": [ { "when": [] } ] } ]
			""";

	private ConditionCheck() {
	}

	/**
	 * Whether a condition on attribute {@code a} holds for a context whose {@code a} is the given JSON.
	 * @param op the operator
	 * @param attribute the attribute's value as JSON
	 * @param values the condition's values as a JSON array
	 * @return whether the condition holds
	 */
	static boolean holds(String op, String attribute, String values) {
		return holds(condition("a", op, values, false), "{ \"key\": \"user-1\", \"attributes\": { \"a\": " + attribute + " } }");
	}

	/**
	 * Whether a negated condition on attribute {@code a} holds.
	 * @param op the operator
	 * @param attribute the attribute's value as JSON
	 * @param values the condition's values as a JSON array
	 * @return whether the negated condition holds
	 */
	static boolean holdsNegated(String op, String attribute, String values) {
		return holds(condition("a", op, values, true), "{ \"key\": \"user-1\", \"attributes\": { \"a\": " + attribute + " } }");
	}

	/**
	 * Builds a condition's JSON.
	 * @param attribute the attribute, or null for none
	 * @param op the operator
	 * @param values the values as a JSON array
	 * @param negate whether it is negated
	 * @return the condition's JSON
	 */
	static String condition(@Nullable String attribute, String op, String values, boolean negate) {
		return "{ " + ((attribute != null) ? "\"attribute\": \"" + attribute + "\", " : "") + "\"op\": \"" + op
				+ "\", \"values\": " + values + ((negate) ? ", \"negate\": true" : "") + " }";
	}

	/**
	 * Whether a condition holds for a context.
	 * @param condition the condition's JSON
	 * @param context the context's JSON
	 * @return whether the condition holds
	 */
	static boolean holds(String condition, String context) {
		return holds(condition, DefinitionsCodec.readContext(context));
	}

	/**
	 * Whether a condition holds for a context.
	 * @param condition the condition's JSON
	 * @param context the context
	 * @return whether the condition holds
	 */
	static boolean holds(String condition, FlagContext context) {
		String document = "{ \"flags\": [ { \"key\": \"f\", \"rules\": [ { \"when\": [ " + condition + " ] } ] } ], "
				+ "\"segments\": " + SEGMENTS + " }";
		FlagSnapshot snapshot = FlagSnapshot.of(DefinitionsCodec.read(document));
		Evaluation evaluation = snapshot.evaluate("f", context);
		if (evaluation.enabled()) {
			assertThat(evaluation).isEqualTo(new Evaluation(true, null, Reason.RULE_MATCH, 0));
		}
		else {
			assertThat(evaluation).isEqualTo(new Evaluation(false, null, Reason.ROLLOUT, null));
		}
		assertThat(snapshot.isEnabled("f", context)).isEqualTo(evaluation.enabled());
		return evaluation.enabled();
	}

}
