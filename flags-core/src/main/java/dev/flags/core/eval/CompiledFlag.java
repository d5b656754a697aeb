package dev.flags.core.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flags.core.model.Condition;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Reason;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Variant;
import org.jspecify.annotations.Nullable;

/**
 * A flag compiled for evaluation (spec §3–4). Everything that does not depend on the context is
 * done here once: thresholds, the hash state of the salt, parsed condition values, and every
 * possible {@link Evaluation}, so that evaluating allocates nothing.
 */
final class CompiledFlag {

	static final int ALWAYS = Murmur3.BUCKETS;

	private static final String VARIANT_SUFFIX = ":variant";

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private final Flag flag;

	private final boolean enabled;

	private final StringSet include;

	private final StringSet exclude;

	private final @Nullable String bucketBy;

	private final Murmur3.Prefix salt;

	private final int[] variantThresholds;

	private final CompiledRule[] rules;

	private final int threshold;

	private final Outcomes rollout;

	private final Outcomes included;

	private final Evaluation disabled;

	private final Evaluation excluded;

	/** True when the decision is the same for every context: no lists, no rules, 0 or 100 %. */
	private final @Nullable Evaluation constant;

	CompiledFlag(Flag flag, Map<String, CompiledCondition> segments) {
		this.flag = flag;
		this.enabled = flag.enabled();
		this.include = StringSet.of(flag.include());
		this.exclude = StringSet.of(flag.exclude());
		String bucketBy = flag.bucketBy();
		this.bucketBy = (bucketBy == null || "key".equals(bucketBy)) ? null : bucketBy;
		this.salt = Murmur3.prefix(flag.effectiveSalt() + ":");
		List<Variant> variants = flag.variants();
		this.variantThresholds = new int[variants.size()];
		BigDecimal cumulative = BigDecimal.ZERO;
		for (int i = 0; i < variants.size(); i++) {
			cumulative = cumulative.add(variants.get(i).weight());
			this.variantThresholds[i] = threshold(cumulative);
		}
		String[] names = variants.stream().map(Variant::name).toArray(String[]::new);
		this.rules = new CompiledRule[flag.rules().size()];
		for (int r = 0; r < this.rules.length; r++) {
			this.rules[r] = new CompiledRule(flag.rules().get(r), r, names, segments);
		}
		this.threshold = threshold(flag.rollout());
		this.rollout = new Outcomes(Reason.ROLLOUT, null, names);
		this.included = new Outcomes(Reason.INCLUDED, null, names);
		this.disabled = new Evaluation(false, null, Reason.DISABLED, null);
		this.excluded = new Evaluation(false, null, Reason.EXCLUDED, null);
		this.constant = constant();
	}

	private @Nullable Evaluation constant() {
		if (!this.enabled) {
			return this.disabled;
		}
		if (!this.include.isEmpty() || !this.exclude.isEmpty() || this.rules.length > 0) {
			return null;
		}
		if (this.threshold <= 0) {
			return this.rollout.off;
		}
		if (this.threshold >= ALWAYS && this.variantThresholds.length == 0) {
			return this.rollout.on[0];
		}
		return null;
	}

	/** {@code round(p * 1000)}, capped to the bucket range. */
	static int threshold(BigDecimal percent) {
		BigDecimal scaled = percent.multiply(THOUSAND).setScale(0, RoundingMode.HALF_UP);
		if (scaled.signum() <= 0) {
			return 0;
		}
		return (scaled.compareTo(BigDecimal.valueOf(ALWAYS)) >= 0) ? ALWAYS : scaled.intValue();
	}

	Flag flag() {
		return this.flag;
	}

	Evaluation evaluate(FlagContext context) {
		Evaluation constant = this.constant;
		if (constant != null) {
			return constant;
		}
		if (!this.enabled) {
			return this.disabled;
		}
		String key = context.key();
		if (key != null) {
			if (this.exclude.contains(key)) {
				return this.excluded;
			}
			if (this.include.contains(key)) {
				return this.included.on[variant(unit(context))];
			}
		}
		for (CompiledRule rule : this.rules) {
			if (rule.holds(context)) {
				if (rule.fixedVariant >= 0) {
					return rule.outcomes.on[rule.fixedVariant];
				}
				return rollOut(rule.threshold, rule.outcomes, context);
			}
		}
		return rollOut(this.threshold, this.rollout, context);
	}

	private Evaluation rollOut(int threshold, Outcomes outcomes, FlagContext context) {
		if (threshold <= 0) {
			return outcomes.off;
		}
		if (threshold >= ALWAYS) {
			return outcomes.on[(this.variantThresholds.length == 0) ? 0 : variant(unit(context))];
		}
		String unit = unit(context);
		if (unit == null) {
			return outcomes.noUnit;
		}
		boolean admitted = this.salt.bucket(unit) < threshold;
		if (this.variantThresholds.length == 0) {
			// Which way a unit goes is a coin toss the CPU cannot predict: select, do not branch
			return admitted ? outcomes.on[0] : outcomes.off;
		}
		return admitted ? outcomes.on[variant(unit)] : outcomes.off;
	}

	/** The index of the variant the unit gets; the first without a unit; 0 without variants. */
	private int variant(@Nullable String unit) {
		int[] thresholds = this.variantThresholds;
		if (thresholds.length == 0 || unit == null) {
			return 0;
		}
		int bucket = this.salt.bucket(unit, VARIANT_SUFFIX);
		// The first variant whose cumulative threshold is above the bucket, counted without a
		// branch the CPU would mispredict: the thresholds never decrease, so the ones at or below
		// the bucket come first, and the last variant takes whatever is left
		int index = 0;
		for (int i = 0, last = thresholds.length - 1; i < last; i++) {
			index += (bucket >= thresholds[i]) ? 1 : 0;
		}
		return index;
	}

	/** The unit of spec §3: the string form of the {@code bucketBy} attribute, or the context key. */
	@Nullable String unit(FlagContext context) {
		if (this.bucketBy == null) {
			return context.key();
		}
		return Values.stringForm(context.plainAttribute(this.bucketBy));
	}

	/** Every evaluation a step can give: off, no unit, or on with each variant. */
	static final class Outcomes {

		final Evaluation off;

		final Evaluation noUnit;

		final Evaluation[] on;

		Outcomes(Reason reason, @Nullable Integer rule, String[] variants) {
			this.off = new Evaluation(false, null, reason, rule);
			this.noUnit = new Evaluation(false, null, Reason.NO_BUCKETING_KEY, rule);
			if (variants.length == 0) {
				this.on = new Evaluation[] { new Evaluation(true, null, reason, rule) };
			}
			else {
				this.on = new Evaluation[variants.length];
				for (int i = 0; i < variants.length; i++) {
					this.on[i] = new Evaluation(true, variants[i], reason, rule);
				}
			}
		}

	}

	/**
	 * A rule compiled: its conditions as one condition, and a threshold or a fixed variant.
	 */
	static final class CompiledRule {

		private final CompiledCondition when;

		final int threshold;

		final int fixedVariant;

		final Outcomes outcomes;

		CompiledRule(Rule rule, int index, String[] variants, Map<String, CompiledCondition> segments) {
			List<CompiledCondition> attributes = new ArrayList<>();
			List<CompiledCondition> inSegments = new ArrayList<>();
			for (Condition condition : rule.when()) {
				if (condition.op() == Operator.IN_SEGMENT) {
					inSegments.add(CompiledCondition.compile(condition, segments));
				}
				else {
					attributes.add(CompiledCondition.onAttribute(condition));
				}
			}
			// Conditions on attributes are tested before those on segments, which cost more: a
			// condition has no effect and never throws, so the order cannot change the answer
			attributes.addAll(inSegments);
			this.when = CompiledCondition.all(attributes);
			this.threshold = threshold(rule.effectiveRollout());
			this.fixedVariant = (rule.variant() != null) ? List.of(variants).indexOf(rule.variant()) : -1;
			this.outcomes = new Outcomes(Reason.RULE_MATCH, index, variants);
		}

		/**
		 * Whether all conditions hold; none always holds.
		 */
		boolean holds(FlagContext context) {
			return this.when.test(context);
		}

	}

}
