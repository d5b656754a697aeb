package dev.flags.core.eval;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Segment;
import dev.flags.core.model.SegmentRule;

/**
 * A segment compiled for evaluation (spec §5): a key in {@code include} and not in
 * {@code exclude} is in; an excluded key is out; any other context is in when any rule holds.
 */
final class CompiledSegment {

	private final Set<String> include;

	private final Set<String> exclude;

	private final CompiledCondition[][] rules;

	private CompiledSegment(Segment segment, Map<String, CompiledSegment> none) {
		this.include = new HashSet<>(segment.include());
		this.exclude = new HashSet<>(segment.exclude());
		this.rules = new CompiledCondition[segment.rules().size()][];
		for (int r = 0; r < this.rules.length; r++) {
			SegmentRule rule = segment.rules().get(r);
			this.rules[r] = rule.when().stream()
				.map((condition) -> CompiledCondition.compile(condition, none))
				.toArray(CompiledCondition[]::new);
		}
	}

	static CompiledSegment compile(Segment segment) {
		// Segment rules cannot use in_segment (validated), so they resolve no segments.
		return new CompiledSegment(segment, Map.of());
	}

	boolean contains(FlagContext context) {
		String key = context.key();
		if (key != null) {
			if (this.exclude.contains(key)) {
				return false;
			}
			if (this.include.contains(key)) {
				return true;
			}
		}
		for (CompiledCondition[] rule : this.rules) {
			if (CompiledFlag.allHold(rule, context)) {
				return true;
			}
		}
		return false;
	}

}
