package dev.flags.core.model;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A rule of a segment: the context is in the segment when all its conditions hold.
 *
 * @param description what the rule is for, for people
 * @param when the conditions, all of which must hold; {@code in_segment} is not allowed here
 * @param extra fields of the document this model does not know
 */
public record SegmentRule(@Nullable String description, List<Condition> when, Map<String, @Nullable Object> extra) {

	/**
	 * Creates a segment rule, copying its lists.
	 * @param description what the rule is for
	 * @param when the conditions
	 * @param extra unknown fields to keep
	 */
	public SegmentRule {
		when = Copies.list(when);
		extra = Copies.extra(extra);
	}

	/**
	 * A segment rule from its conditions.
	 * @param when the conditions
	 * @return the rule
	 */
	public static SegmentRule of(Condition... when) {
		return new SegmentRule(null, List.of(when), Map.of());
	}

}
