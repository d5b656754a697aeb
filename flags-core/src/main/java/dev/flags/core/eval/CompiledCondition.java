package dev.flags.core.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flags.core.model.Condition;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Operator;
import org.jspecify.annotations.Nullable;

/**
 * A condition compiled for evaluation (spec §5): its values are parsed once, so testing a context
 * parses only the context's own value.
 * <p>
 * Rules, segments and their conditions compile into a tree of small nodes, each a final class
 * with one short {@code test}: a conjunction of three conditions is one node calling three, not a
 * loop over an array, so that the JIT inlines a flag's whole tree where it is evaluated, and a
 * segment used in a rule costs what its conditions cost.
 */
abstract class CompiledCondition {

	abstract boolean test(FlagContext context);

	static CompiledCondition compile(Condition condition, Map<String, CompiledCondition> segments) {
		if (condition.op() == Operator.IN_SEGMENT) {
			List<CompiledCondition> targets = new ArrayList<>();
			for (Object value : condition.values()) {
				CompiledCondition segment = segments.get((String) value);
				if (segment != null) {
					targets.add(segment);
				}
			}
			CompiledCondition in = any(targets);
			return condition.negate() ? not(in) : in;
		}
		return onAttribute(condition);
	}

	/**
	 * All of the conditions; none is always true.
	 * @param conditions the conditions, tested in order
	 * @return the conjunction
	 */
	static CompiledCondition all(List<? extends CompiledCondition> conditions) {
		return switch (conditions.size()) {
			case 0 -> Constant.TRUE;
			case 1 -> conditions.get(0);
			case 2 -> new All2(conditions.get(0), conditions.get(1));
			case 3 -> new All3(conditions.get(0), conditions.get(1), conditions.get(2));
			case 4 -> new All4(conditions.get(0), conditions.get(1), conditions.get(2), conditions.get(3));
			default -> new All(conditions.toArray(new CompiledCondition[0]));
		};
	}

	/**
	 * Any of the conditions; none is always false.
	 * @param conditions the conditions, tested in order
	 * @return the disjunction
	 */
	static CompiledCondition any(List<? extends CompiledCondition> conditions) {
		return switch (conditions.size()) {
			case 0 -> Constant.FALSE;
			case 1 -> conditions.get(0);
			case 2 -> new Any2(conditions.get(0), conditions.get(1));
			default -> new Any(conditions.toArray(new CompiledCondition[0]));
		};
	}

	static CompiledCondition not(CompiledCondition condition) {
		if (condition == Constant.TRUE) {
			return Constant.FALSE;
		}
		if (condition == Constant.FALSE) {
			return Constant.TRUE;
		}
		return new Not(condition);
	}

	/**
	 * Compiles a condition on an attribute: any operator but {@code in_segment}.
	 * @param condition the condition
	 * @return the compiled condition
	 */
	static OnAttribute onAttribute(Condition condition) {
		String attribute = condition.attribute();
		if (attribute == null) {
			throw new IllegalArgumentException("Condition without attribute");
		}
		List<Object> values = condition.values();
		return switch (condition.op()) {
			case IN -> new In(attribute, condition.negate(), values);
			case NOT_IN -> new In(attribute, !condition.negate(), values);
			case CONTAINS, STARTS_WITH, ENDS_WITH -> new Text(attribute, condition.negate(), condition.op(), values);
			case GT, GTE, LT, LTE -> new Numeric(attribute, condition.negate(), condition.op(), values);
			case BEFORE, AFTER -> new Temporal(attribute, condition.negate(), condition.op(), values);
			case SEMVER_EQ, SEMVER_GT, SEMVER_LT -> new Version(attribute, condition.negate(), condition.op(), values);
			case IN_SEGMENT -> throw new IllegalArgumentException("in_segment is not a condition on an attribute");
		};
	}

	/**
	 * A condition on one attribute: a missing attribute never matches, whatever {@code negate}
	 * says; a list matches when any element does.
	 * <p>
	 * Operators whose values are strings override {@link #test} with a short path for a String
	 * value, the most common case, and leave every other value to {@link #testValue}, kept out of
	 * line so that the short path stays small enough for the JIT to inline into the rule.
	 */
	abstract static class OnAttribute extends CompiledCondition {

		private final String attribute;

		private final int attributeHash;

		private final boolean isKey;

		final boolean negate;

		OnAttribute(String attribute, boolean negate) {
			// Interned, so that a context built with constant names finds it by identity
			this.attribute = attribute.intern();
			this.attributeHash = attribute.hashCode();
			this.isKey = "key".equals(attribute);
			this.negate = negate;
		}

		/** The context's value of the attribute, or null when it has none. */
		final @Nullable Object value(FlagContext context) {
			return this.isKey ? context.key() : context.plainAttribute(this.attribute, this.attributeHash);
		}

		@Override
		boolean test(FlagContext context) {
			return testValue(value(context));
		}

		/** The answer for any value: missing never matches; a list matches when any element does. */
		final boolean testValue(@Nullable Object value) {
			if (value == null) {
				return false;
			}
			boolean matched;
			// Scalars first, tested by class: before JDK 23 an instanceof on an interface that fails
			// (a String is no List) scans all the interfaces of the value's class, which costs more
			// than all the rest of the test
			if (value instanceof String || value instanceof Number || value instanceof Boolean) {
				matched = matches(value);
			}
			else if (value instanceof List<?> list) {
				matched = false;
				for (int i = 0, size = list.size(); i < size; i++) {
					if (matches(list.get(i))) {
						matched = true;
						break;
					}
				}
			}
			else {
				matched = matches(value);
			}
			return matched != this.negate;
		}

		/** Whether one scalar value matches. */
		abstract boolean matches(Object value);

	}

	/** {@code in}: numbers equal as doubles, otherwise equal string forms. */
	static final class In extends OnAttribute {

		private final StringSet allForms;

		private final double[] numbers;

		/** The string values that are a plain decimal, as numbers: what a number's string form can equal. */
		private final long[] integralForms;

		In(String attribute, boolean negate, List<Object> values) {
			this(attribute, negate, values, allForms(values));
		}

		private In(String attribute, boolean negate, List<Object> values, StringSet allForms) {
			super(attribute, negate);
			List<String> nonNumberForms = new ArrayList<>();
			List<Double> numbers = new ArrayList<>();
			for (Object value : values) {
				if (value instanceof Number n) {
					numbers.add(n.doubleValue());
				}
				else {
					String form = Values.stringForm(value);
					if (form != null) {
						nonNumberForms.add(form);
					}
				}
			}
			this.allForms = allForms;
			this.numbers = numbers.stream().mapToDouble(Double::doubleValue).toArray();
			// The strings a number's string form can equal: plain decimals, kept as their values
			this.integralForms = nonNumberForms.stream()
				.filter(In::isPlainDecimal)
				.mapToLong(Long::parseLong)
				.filter((l) -> Math.abs((double) l) < 9007199254740992.0)
				.toArray();
		}

		/** Whether a string is what {@code Long.toString} writes for some long. */
		private static boolean isPlainDecimal(String s) {
			try {
				return Long.toString(Long.parseLong(s)).equals(s);
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}

		private static StringSet allForms(List<Object> values) {
			List<String> forms = new ArrayList<>();
			for (Object value : values) {
				String form = Values.stringForm(value);
				if (form != null) {
					forms.add(form);
				}
			}
			return StringSet.of(forms);
		}

		@Override
		boolean test(FlagContext context) {
			Object value = value(context);
			if (value instanceof String s) {
				return this.allForms.contains(s) != this.negate;
			}
			return testValue(value);
		}

		@Override
		boolean matches(Object value) {
			if (value instanceof String s) {
				return this.allForms.contains(s);
			}
			if (value instanceof Number n) {
				double d = n.doubleValue();
				for (double number : this.numbers) {
					if (number == d) {
						return true;
					}
				}
				// A string value equal to the number's string form is a plain decimal of the same
				// value: compare values, without building the form
				if (this.integralForms.length == 0) {
					return false;
				}
				long integral = Values.integralValue(n);
				if (integral == Values.NO_INTEGRAL) {
					return false;
				}
				for (long form : this.integralForms) {
					if (form == integral) {
						return true;
					}
				}
				return false;
			}
			String form = Values.stringForm(value);
			return form != null && this.allForms.contains(form);
		}

	}

	/** {@code contains}, {@code starts_with}, {@code ends_with}: strings on both sides. */
	static final class Text extends OnAttribute {

		private static final int CONTAINS = 0;

		private static final int STARTS_WITH = 1;

		private static final int ENDS_WITH = 2;

		/** The operator as a constant, compared directly rather than through an enum switch's table. */
		private final int kind;

		private final String[] values;

		Text(String attribute, boolean negate, Operator op, List<Object> values) {
			super(attribute, negate);
			this.kind = (op == Operator.CONTAINS) ? CONTAINS : (op == Operator.STARTS_WITH) ? STARTS_WITH : ENDS_WITH;
			this.values = values.stream().filter(String.class::isInstance).toArray(String[]::new);
		}

		@Override
		boolean test(FlagContext context) {
			Object value = value(context);
			if (value instanceof String s) {
				return matchesString(s) != this.negate;
			}
			return testValue(value);
		}

		@Override
		boolean matches(Object value) {
			return (value instanceof String s) && matchesString(s);
		}

		private boolean matchesString(String s) {
			int kind = this.kind;
			for (String candidate : this.values) {
				boolean holds;
				if (kind == ENDS_WITH) {
					holds = s.endsWith(candidate);
				}
				else if (kind == STARTS_WITH) {
					holds = s.startsWith(candidate);
				}
				else {
					holds = s.contains(candidate);
				}
				if (holds) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * {@code gt}, {@code gte}, {@code lt}, {@code lte}: numbers on both sides. Holding for any value
	 * is holding for the smallest (gt, gte) or the largest (lt, lte).
	 */
	static final class Numeric extends OnAttribute {

		private final Operator op;

		private final boolean any;

		private final double bound;

		Numeric(String attribute, boolean negate, Operator op, List<Object> values) {
			super(attribute, negate);
			this.op = op;
			double min = Double.POSITIVE_INFINITY;
			double max = Double.NEGATIVE_INFINITY;
			boolean any = false;
			for (Object value : values) {
				if (Values.isNumber(value)) {
					double d = Values.toDouble(value);
					min = Math.min(min, d);
					max = Math.max(max, d);
					any = true;
				}
			}
			this.any = any;
			this.bound = (op == Operator.GT || op == Operator.GTE) ? min : max;
		}

		@Override
		boolean matches(Object value) {
			if (!this.any || !Values.isNumber(value)) {
				return false;
			}
			double d = Values.toDouble(value);
			return switch (this.op) {
				case GT -> d > this.bound;
				case GTE -> d >= this.bound;
				case LT -> d < this.bound;
				default -> d <= this.bound;
			};
		}

	}

	/** {@code before}, {@code after}: instants on both sides, strictly. */
	static final class Temporal extends OnAttribute {

		private final boolean before;

		private final @Nullable Instant bound;

		Temporal(String attribute, boolean negate, Operator op, List<Object> values) {
			super(attribute, negate);
			this.before = op == Operator.BEFORE;
			Instant bound = null;
			for (Object value : values) {
				Instant instant = Instants.parse(value);
				if (instant != null && (bound == null || (this.before ? instant.isAfter(bound) : instant.isBefore(bound)))) {
					bound = instant;
				}
			}
			this.bound = bound;
		}

		@Override
		boolean matches(Object value) {
			Instant bound = this.bound;
			if (bound == null) {
				return false;
			}
			// Strings and whole numbers are read into seconds and nanoseconds, not into an Instant,
			// so that testing a context's date allocates nothing
			long boundSeconds = bound.getEpochSecond();
			long seconds;
			int nanos;
			if (value instanceof String s) {
				seconds = Instants.epochSeconds(s);
				if (seconds == Instants.INVALID) {
					return false;
				}
				nanos = (seconds == boundSeconds) ? Instants.nanos(s) : 0;
			}
			else if (value instanceof Integer || value instanceof Long || value instanceof Short
					|| value instanceof Byte) {
				long millis = ((Number) value).longValue();
				seconds = Math.floorDiv(millis, 1000);
				nanos = (int) Math.floorMod(millis, 1000) * 1_000_000;
			}
			else {
				Instant instant = Instants.parse(value);
				if (instant == null) {
					return false;
				}
				seconds = instant.getEpochSecond();
				nanos = instant.getNano();
			}
			int comparison = (seconds != boundSeconds) ? Long.compare(seconds, boundSeconds)
					: Integer.compare(nanos, bound.getNano());
			return this.before ? comparison < 0 : comparison > 0;
		}

	}

	/** {@code semver_eq}, {@code semver_gt}, {@code semver_lt}: versions on both sides. */
	static final class Version extends OnAttribute {

		private final Operator op;

		private final SemanticVersion[] values;

		Version(String attribute, boolean negate, Operator op, List<Object> values) {
			super(attribute, negate);
			this.op = op;
			List<SemanticVersion> parsed = new ArrayList<>();
			for (Object value : values) {
				SemanticVersion version = SemanticVersion.parse(value);
				if (version != null) {
					parsed.add(version);
				}
			}
			this.values = parsed.toArray(new SemanticVersion[0]);
		}

		@Override
		boolean matches(Object value) {
			if (this.values.length == 0 || !(value instanceof String s)) {
				return false;
			}
			// Compared where it is written, so that testing a version allocates nothing
			for (SemanticVersion candidate : this.values) {
				int comparison = SemanticVersion.compare(s, candidate);
				if (comparison == SemanticVersion.INVALID) {
					return false;
				}
				boolean holds = (this.op == Operator.SEMVER_EQ) ? comparison == 0
						: (this.op == Operator.SEMVER_GT) ? comparison > 0 : comparison < 0;
				if (holds) {
					return true;
				}
			}
			return false;
		}

	}

	/** A condition that holds, or does not, whatever the context. */
	static final class Constant extends CompiledCondition {

		static final Constant TRUE = new Constant(true);

		static final Constant FALSE = new Constant(false);

		private final boolean value;

		private Constant(boolean value) {
			this.value = value;
		}

		@Override
		boolean test(FlagContext context) {
			return this.value;
		}

	}

	/** The negation of a condition: {@code in_segment} with {@code negate}. */
	static final class Not extends CompiledCondition {

		private final CompiledCondition condition;

		Not(CompiledCondition condition) {
			this.condition = condition;
		}

		@Override
		boolean test(FlagContext context) {
			return !this.condition.test(context);
		}

	}

	/** Two conditions that must both hold. */
	static final class All2 extends CompiledCondition {

		private final CompiledCondition first;

		private final CompiledCondition second;

		All2(CompiledCondition first, CompiledCondition second) {
			this.first = first;
			this.second = second;
		}

		@Override
		boolean test(FlagContext context) {
			return this.first.test(context) && this.second.test(context);
		}

	}

	/** Three conditions that must all hold. */
	static final class All3 extends CompiledCondition {

		private final CompiledCondition first;

		private final CompiledCondition second;

		private final CompiledCondition third;

		All3(CompiledCondition first, CompiledCondition second, CompiledCondition third) {
			this.first = first;
			this.second = second;
			this.third = third;
		}

		@Override
		boolean test(FlagContext context) {
			return this.first.test(context) && this.second.test(context) && this.third.test(context);
		}

	}

	/** Four conditions that must all hold. */
	static final class All4 extends CompiledCondition {

		private final CompiledCondition first;

		private final CompiledCondition second;

		private final CompiledCondition third;

		private final CompiledCondition fourth;

		All4(CompiledCondition first, CompiledCondition second, CompiledCondition third, CompiledCondition fourth) {
			this.first = first;
			this.second = second;
			this.third = third;
			this.fourth = fourth;
		}

		@Override
		boolean test(FlagContext context) {
			return this.first.test(context) && this.second.test(context) && this.third.test(context)
					&& this.fourth.test(context);
		}

	}

	/** Any number of conditions that must all hold. */
	static final class All extends CompiledCondition {

		private final CompiledCondition[] conditions;

		All(CompiledCondition[] conditions) {
			this.conditions = conditions;
		}

		@Override
		boolean test(FlagContext context) {
			for (CompiledCondition condition : this.conditions) {
				if (!condition.test(context)) {
					return false;
				}
			}
			return true;
		}

	}

	/** Two conditions of which one must hold. */
	static final class Any2 extends CompiledCondition {

		private final CompiledCondition first;

		private final CompiledCondition second;

		Any2(CompiledCondition first, CompiledCondition second) {
			this.first = first;
			this.second = second;
		}

		@Override
		boolean test(FlagContext context) {
			return this.first.test(context) || this.second.test(context);
		}

	}

	/** Any number of conditions of which one must hold. */
	static final class Any extends CompiledCondition {

		private final CompiledCondition[] conditions;

		Any(CompiledCondition[] conditions) {
			this.conditions = conditions;
		}

		@Override
		boolean test(FlagContext context) {
			for (CompiledCondition condition : this.conditions) {
				if (condition.test(context)) {
					return true;
				}
			}
			return false;
		}

	}

}
