package dev.flags.core.eval;

import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Segment;
import dev.flags.core.model.SegmentRule;

/**
 * A segment compiled for evaluation (spec §5): a key in {@code include} and not in
 * {@code exclude} is in; an excluded key is out; any other context is in when any rule holds.
 */
final class CompiledSegment {

	private final StringSet include;

	private final StringSet exclude;

	private final CompiledCondition.OnAttribute[][] rules;

	private CompiledSegment(Segment segment) {
		this.include = StringSet.of(segment.include());
		this.exclude = StringSet.of(segment.exclude());
		this.rules = new CompiledCondition.OnAttribute[segment.rules().size()][];
		for (int r = 0; r < this.rules.length; r++) {
			SegmentRule rule = segment.rules().get(r);
			// Segment rules cannot use in_segment (validated): every condition is on an attribute,
			// and testing a segment never recurses into another
			this.rules[r] = rule.when().stream()
				.map(CompiledCondition::onAttribute)
				.toArray(CompiledCondition.OnAttribute[]::new);
		}
	}

	static CompiledSegment compile(Segment segment) {
		return new CompiledSegment(segment);
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
		for (CompiledCondition.OnAttribute[] rule : this.rules) {
			if (allHold(rule, context)) {
				return true;
			}
		}
		return false;
	}

	private static boolean allHold(CompiledCondition.OnAttribute[] conditions, FlagContext context) {
		for (CompiledCondition.OnAttribute condition : conditions) {
			if (!condition.test(context)) {
				return false;
			}
		}
		return true;
	}

}
