package dev.flags.core.model;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A named group of contexts that rules of many flags can target (spec §5).
 *
 * @param key the segment's key
 * @param description what the segment is, for people
 * @param include context keys always in the segment (unless excluded)
 * @param exclude context keys never in the segment
 * @param rules rules any one of which puts a context in the segment
 * @param extra fields of the document this model does not know
 */
public record Segment(String key, @Nullable String description, List<String> include, List<String> exclude,
		List<SegmentRule> rules, Map<String, @Nullable Object> extra) {

	/**
	 * Creates a segment, copying its lists.
	 * @param key the key
	 * @param description what it is
	 * @param include keys always in
	 * @param exclude keys never in
	 * @param rules rules that put a context in
	 * @param extra unknown fields to keep
	 */
	public Segment {
		include = Copies.list(include);
		exclude = Copies.list(exclude);
		rules = Copies.list(rules);
		extra = Copies.extra(extra);
	}

	/**
	 * A segment defined by rules alone.
	 * @param key the key
	 * @param rules the rules
	 * @return the segment
	 */
	public static Segment of(String key, SegmentRule... rules) {
		return new Segment(key, null, List.of(), List.of(), List.of(rules), Map.of());
	}

}
