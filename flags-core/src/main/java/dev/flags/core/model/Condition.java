package dev.flags.core.model;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One condition of a rule (spec §5): the attribute matches any of the values under the operator.
 *
 * @param attribute the context attribute to test; null for {@link Operator#IN_SEGMENT}
 * @param op the operator
 * @param values the values to compare with: strings, numbers or booleans (segment keys for
 * {@code in_segment})
 * @param negate whether the result is inverted (a missing attribute still never matches)
 * @param extra fields of the document this model does not know, kept so that nothing is lost
 */
public record Condition(@Nullable String attribute, Operator op, List<Object> values, boolean negate,
		Map<String, @Nullable Object> extra) {

	/**
	 * Creates a condition, copying its lists.
	 * @param attribute the context attribute to test
	 * @param op the operator
	 * @param values the values to compare with
	 * @param negate whether the result is inverted
	 * @param extra unknown fields to keep
	 */
	public Condition {
		values = Copies.values(values);
		extra = Copies.extra(extra);
	}

	/**
	 * A condition on an attribute.
	 * @param attribute the context attribute
	 * @param op the operator
	 * @param values the values to compare with
	 * @return the condition
	 */
	public static Condition of(String attribute, Operator op, Object... values) {
		return new Condition(attribute, op, List.of(values), false, Map.of());
	}

	/**
	 * A condition that holds for contexts in any of the named segments.
	 * @param segments segment keys
	 * @return the condition
	 */
	public static Condition inSegment(String... segments) {
		return new Condition(null, Operator.IN_SEGMENT, List.of((Object[]) segments), false, Map.of());
	}

	/**
	 * This condition with its result inverted.
	 * @return the negated condition
	 */
	public Condition negated() {
		return new Condition(this.attribute, this.op, this.values, !this.negate, this.extra);
	}

}
