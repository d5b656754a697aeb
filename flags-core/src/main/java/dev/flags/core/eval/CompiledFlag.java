package dev.flags.core.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flags.core.internal.ContextAccess;
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

	private static final Murmur3.Suffix VARIANT_SUFFIX = Murmur3.suffix(":variant");

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	/** The outcome of a disabled flag. */
	private static final int DISABLED = 0;

	/** The outcome of an excluded key. */
	private static final int EXCLUDED = 1;

	/** Where the outcomes of a step start: off, then no unit, then on with each variant. */
	private static final int OFF = 0;

	private static final int NO_UNIT = 1;

	private static final int ON = 2;

	private final Flag flag;

	private final StringSet exclude;

	/** Both lists in one set: most keys are in neither, and one lookup says so. */
	private final StringSet listedKeys;

	/** Whether the flag has an include or exclude list. */
	private final boolean listed;

	private final @Nullable String bucketBy;

	private final int bucketByHash;

	private final Murmur3.Prefix salt;

	private final int[] variantThresholds;

	private final CompiledRule[] rules;

	/**
	 * The first rule's conditions, or null without rules: most flags with rules have one, and
	 * reading it here saves two loads (the array, the rule) before its first condition can start.
	 */
	private final @Nullable CompiledCondition firstRule;

	private final int threshold;

	/** The first outcome of the rollout step. */
	private final int rollout;

	/** The first outcome of the include step. */
	private final int included;

	/**
	 * Every evaluation this flag can give, built once: a decision is an index into this table,
	 * and into {@link #on}, so that deciding allocates nothing and answering whether the flag is on
	 * reads one boolean rather than an {@link Evaluation}.
	 */
	private final Evaluation[] outcomes;

	/** Whether each outcome is on. */
	private final boolean[] on;

	/** The variant of each outcome, or null. */
	private final @Nullable String[] variants;

	/** The outcome for every context, when it does not depend on the context; -1 otherwise. */
	private final int constant;

	CompiledFlag(Flag flag, Map<String, CompiledCondition> segments) {
		this.flag = flag;
		this.exclude = StringSet.of(flag.exclude());
		this.listedKeys = StringSet.union(flag.include(), flag.exclude());
		this.listed = !this.listedKeys.isEmpty();
		String bucketBy = flag.bucketBy();
		this.bucketBy = (bucketBy == null || "key".equals(bucketBy)) ? null : bucketBy.intern();
		this.bucketByHash = (this.bucketBy != null) ? this.bucketBy.hashCode() : 0;
		this.salt = Murmur3.prefix(flag.effectiveSalt() + ":");
		List<Variant> variants = flag.variants();
		this.variantThresholds = new int[variants.size()];
		BigDecimal cumulative = BigDecimal.ZERO;
		for (int i = 0; i < variants.size(); i++) {
			cumulative = cumulative.add(variants.get(i).weight());
			this.variantThresholds[i] = threshold(cumulative);
		}
		String[] names = variants.stream().map(Variant::name).toArray(String[]::new);
		List<Evaluation> table = new ArrayList<>();
		table.add(DISABLED, new Evaluation(false, null, Reason.DISABLED, null));
		table.add(EXCLUDED, new Evaluation(false, null, Reason.EXCLUDED, null));
		this.included = addOutcomes(table, Reason.INCLUDED, null, names);
		this.rules = new CompiledRule[flag.rules().size()];
		for (int r = 0; r < this.rules.length; r++) {
			this.rules[r] = new CompiledRule(flag.rules().get(r), r, names, segments, table);
		}
		this.firstRule = (this.rules.length > 0) ? this.rules[0].when : null;
		this.threshold = threshold(flag.rollout());
		this.rollout = addOutcomes(table, Reason.ROLLOUT, null, names);
		this.outcomes = table.toArray(new Evaluation[0]);
		this.on = new boolean[this.outcomes.length];
		this.variants = new String[this.outcomes.length];
		for (int i = 0; i < this.outcomes.length; i++) {
			this.on[i] = this.outcomes[i].enabled();
			this.variants[i] = this.outcomes[i].variant();
		}
		this.constant = constant(flag.enabled());
	}

	/** Adds the outcomes of a step to the table: off, no unit, on with each variant (or just on). */
	static int addOutcomes(List<Evaluation> table, Reason reason, @Nullable Integer rule, String[] variants) {
		int first = table.size();
		table.add(new Evaluation(false, null, reason, rule));
		table.add(new Evaluation(false, null, Reason.NO_BUCKETING_KEY, rule));
		if (variants.length == 0) {
			table.add(new Evaluation(true, null, reason, rule));
		}
		for (String variant : variants) {
			table.add(new Evaluation(true, variant, reason, rule));
		}
		return first;
	}

	private int constant(boolean enabled) {
		if (!enabled) {
			return DISABLED;
		}
		if (this.listed || this.rules.length > 0) {
			return -1;
		}
		if (this.threshold <= 0) {
			return this.rollout + OFF;
		}
		if (this.threshold >= ALWAYS && this.variantThresholds.length == 0) {
			return this.rollout + ON;
		}
		return -1;
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
		return this.outcomes[decide(context)];
	}

	boolean isEnabled(FlagContext context) {
		return this.on[decide(context)];
	}

	@Nullable String variant(FlagContext context) {
		return this.variants[decide(context)];
	}

	/** The steps of spec §4, in order, to the index of the outcome. */
	private int decide(FlagContext context) {
		int constant = this.constant;
		if (constant >= 0) {
			return constant;
		}
		if (this.listed) {
			String key = context.key();
			if (key != null && this.listedKeys.contains(key, context.keyHash())) {
				// Excluded first: a key in both lists is excluded
				if (this.exclude.contains(key, context.keyHash())) {
					return EXCLUDED;
				}
				return this.included + ON + variantIndex(context);
			}
		}
		CompiledCondition firstRule = this.firstRule;
		if (firstRule != null) {
			if (firstRule.test(context)) {
				return matched(this.rules[0], context);
			}
			CompiledRule[] rules = this.rules;
			for (int r = 1; r < rules.length; r++) {
				if (rules[r].holds(context)) {
					return matched(rules[r], context);
				}
			}
		}
		return rollOut(this.threshold, this.rollout, context);
	}

	/** The outcome of a rule that holds: its variant, or its rollout. */
	private int matched(CompiledRule rule, FlagContext context) {
		if (rule.fixedVariant >= 0) {
			return rule.outcomes + ON + rule.fixedVariant;
		}
		return rollOut(rule.threshold, rule.outcomes, context);
	}

	private int rollOut(int threshold, int outcomes, FlagContext context) {
		if (threshold <= 0) {
			return outcomes + OFF;
		}
		if (threshold >= ALWAYS) {
			return outcomes + ON + ((this.variantThresholds.length == 0) ? 0 : variantIndex(context));
		}
		int bucket = bucket(context, null);
		if (bucket < 0) {
			return outcomes + NO_UNIT;
		}
		boolean admitted = bucket < threshold;
		if (this.variantThresholds.length == 0) {
			// Which way a unit goes is a coin toss the CPU cannot predict: select, do not branch
			return admitted ? outcomes + ON : outcomes + OFF;
		}
		return admitted ? outcomes + ON + variantIndex(bucket(context, VARIANT_SUFFIX)) : outcomes + OFF;
	}

	/** The index of the variant the context gets; the first without a unit; 0 without variants. */
	private int variantIndex(FlagContext context) {
		if (this.variantThresholds.length == 0) {
			return 0;
		}
		int bucket = bucket(context, VARIANT_SUFFIX);
		return (bucket >= 0) ? variantIndex(bucket) : 0;
	}

	/**
	 * The bucket of the context's unit (spec §3), after the salt and before the suffix, or -1 when
	 * the context has none. Nothing is allocated: the key's bytes were encoded when the context was
	 * built, a string attribute is fed character by character, and a number's decimal digit by digit.
	 */
	private int bucket(FlagContext context, Murmur3.@Nullable Suffix suffix) {
		String bucketBy = this.bucketBy;
		if (bucketBy == null) {
			byte[] key = ContextAccess.keyUtf8(context);
			if (key == null) {
				return -1;
			}
			return (suffix != null) ? this.salt.bucket(key, suffix) : this.salt.bucket(key);
		}
		Object value = context.plainAttribute(bucketBy, this.bucketByHash);
		String unit;
		if (value instanceof String s) {
			unit = s;
		}
		else if (value instanceof Number n) {
			long integral = Values.integralValue(n);
			return (integral != Values.NO_INTEGRAL) ? this.salt.bucket(integral, suffix) : -1;
		}
		else if (value instanceof Boolean b) {
			unit = b ? "true" : "false";
		}
		else {
			return -1;
		}
		return (suffix != null) ? this.salt.bucket(unit, suffix) : this.salt.bucket(unit);
	}

	/** The index of the variant of a variant bucket. */
	private int variantIndex(int bucket) {
		// The first variant whose cumulative threshold is above the bucket, counted without a
		// branch the CPU would mispredict: the thresholds never decrease, so the ones at or below
		// the bucket come first, and the last variant takes whatever is left
		int[] thresholds = this.variantThresholds;
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

	/**
	 * A rule compiled: its conditions as one condition, and a threshold or a fixed variant.
	 */
	static final class CompiledRule {

		final CompiledCondition when;

		final int threshold;

		final int fixedVariant;

		/** The index of this rule's first outcome: off, then no unit, then on with each variant. */
		final int outcomes;

		CompiledRule(Rule rule, int index, String[] variants, Map<String, CompiledCondition> segments,
				List<Evaluation> table) {
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
			this.outcomes = addOutcomes(table, Reason.RULE_MATCH, index, variants);
		}

		/**
		 * Whether all conditions hold; none always holds.
		 */
		boolean holds(FlagContext context) {
			return this.when.test(context);
		}

	}

}
