package dev.flags.core.eval;

import java.util.ArrayList;
import java.util.List;

import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Segment;
import dev.flags.core.model.SegmentRule;

/**
 * A segment compiled for evaluation (spec §5) into one condition: a key in {@code include} and
 * not in {@code exclude} is in; an excluded key is out; any other context is in when any rule
 * holds. A segment without lists is just its rules, so that testing it costs no more than testing
 * them where they are used.
 */
final class CompiledSegment {

	private CompiledSegment() {
	}

	static CompiledCondition compile(Segment segment) {
		List<CompiledCondition> rules = new ArrayList<>();
		for (SegmentRule rule : segment.rules()) {
			// Segment rules cannot use in_segment (validated): every condition is on an attribute,
			// and testing a segment never recurses into another
			rules.add(CompiledCondition.all(rule.when().stream().map(CompiledCondition::onAttribute).toList()));
		}
		CompiledCondition anyRule = CompiledCondition.any(rules);
		StringSet listed = StringSet.union(segment.include(), segment.exclude());
		if (listed.isEmpty()) {
			return anyRule;
		}
		return new Listed(listed, StringSet.of(segment.exclude()), anyRule);
	}

	/**
	 * A segment with include or exclude lists. Most keys are in neither, so one set of both
	 * lists answers first, and only a listed key is looked up again to tell which.
	 */
	static final class Listed extends CompiledCondition {

		private final StringSet listed;

		private final StringSet exclude;

		private final CompiledCondition rules;

		Listed(StringSet listed, StringSet exclude, CompiledCondition rules) {
			this.listed = listed;
			this.exclude = exclude;
			this.rules = rules;
		}

		@Override
		boolean test(FlagContext context) {
			String key = context.key();
			if (key != null && this.listed.contains(key, context.keyHash())) {
				// An excluded key is out even when it is also included
				return !this.exclude.contains(key, context.keyHash());
			}
			return this.rules.test(context);
		}

	}

}
