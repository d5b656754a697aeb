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
 */
abstract class CompiledCondition {

	abstract boolean test(FlagContext context);

	static CompiledCondition compile(Condition condition, Map<String, CompiledSegment> segments) {
		if (condition.op() == Operator.IN_SEGMENT) {
			List<CompiledSegment> targets = new ArrayList<>();
			for (Object value : condition.values()) {
				CompiledSegment segment = segments.get((String) value);
				if (segment != null) {
					targets.add(segment);
				}
			}
			return new InSegment(targets.toArray(new CompiledSegment[0]), condition.negate());
		}
		return onAttribute(condition);
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
	 */
	abstract static class OnAttribute extends CompiledCondition {

		private final String attribute;

		private final boolean isKey;

		private final boolean negate;

		/**
		 * The string forms an {@code in} condition matches, so that a String value, the most
		 * common case of the most common operator, is tested without a virtual call; null for
		 * other operators.
		 */
		private final @Nullable StringSet strings;

		OnAttribute(String attribute, boolean negate, @Nullable StringSet strings) {
			// Interned, so that a context built with constant names finds it by identity
			this.attribute = attribute.intern();
			this.isKey = "key".equals(attribute);
			this.negate = negate;
			this.strings = strings;
		}

		@Override
		final boolean test(FlagContext context) {
			Object value = this.isKey ? context.key() : context.plainAttribute(this.attribute);
			if (value == null) {
				return false;
			}
			boolean matched;
			// Scalars first, tested by class: before JDK 23 an instanceof on an interface that fails
			// (a String is no List) scans all the interfaces of the value's class, which costs more
			// than all the rest of the test
			if (value instanceof String || value instanceof Number || value instanceof Boolean) {
				matched = matchesScalar(value);
			}
			else if (value instanceof List<?> list) {
				matched = false;
				for (int i = 0, size = list.size(); i < size; i++) {
					if (matchesScalar(list.get(i))) {
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

		private boolean matchesScalar(Object value) {
			StringSet strings = this.strings;
			if (strings != null && value instanceof String s) {
				return strings.contains(s);
			}
			return matches(value);
		}

		abstract boolean matches(Object value);

	}

	/** {@code in}: numbers equal as doubles, otherwise equal string forms. */
	static final class In extends OnAttribute {

		private final StringSet allForms;

		private final StringSet nonNumberForms;

		private final double[] numbers;

		In(String attribute, boolean negate, List<Object> values) {
			this(attribute, negate, values, allForms(values));
		}

		private In(String attribute, boolean negate, List<Object> values, StringSet allForms) {
			super(attribute, negate, allForms);
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
			this.nonNumberForms = StringSet.of(nonNumberForms);
			this.numbers = numbers.stream().mapToDouble(Double::doubleValue).toArray();
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
				// Only a string value can equal a number's string form: skip building that form
				if (this.nonNumberForms.isEmpty()) {
					return false;
				}
				String form = Values.stringForm(value);
				return form != null && this.nonNumberForms.contains(form);
			}
			String form = Values.stringForm(value);
			return form != null && this.allForms.contains(form);
		}

	}

	/** {@code contains}, {@code starts_with}, {@code ends_with}: strings on both sides. */
	static final class Text extends OnAttribute {

		private final Operator op;

		private final String[] values;

		Text(String attribute, boolean negate, Operator op, List<Object> values) {
			super(attribute, negate, null);
			this.op = op;
			this.values = values.stream().filter(String.class::isInstance).toArray(String[]::new);
		}

		@Override
		boolean matches(Object value) {
			if (!(value instanceof String s)) {
				return false;
			}
			for (String candidate : this.values) {
				boolean holds = switch (this.op) {
					case CONTAINS -> s.contains(candidate);
					case STARTS_WITH -> s.startsWith(candidate);
					default -> s.endsWith(candidate);
				};
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
			super(attribute, negate, null);
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
			super(attribute, negate, null);
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
			Instant instant = Instants.parse(value);
			if (instant == null) {
				return false;
			}
			return this.before ? instant.isBefore(bound) : instant.isAfter(bound);
		}

	}

	/** {@code semver_eq}, {@code semver_gt}, {@code semver_lt}: versions on both sides. */
	static final class Version extends OnAttribute {

		private final Operator op;

		private final SemanticVersion[] values;

		Version(String attribute, boolean negate, Operator op, List<Object> values) {
			super(attribute, negate, null);
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
			if (this.values.length == 0) {
				return false;
			}
			SemanticVersion version = SemanticVersion.parse(value);
			if (version == null) {
				return false;
			}
			for (SemanticVersion candidate : this.values) {
				int comparison = version.compareTo(candidate);
				boolean holds = switch (this.op) {
					case SEMVER_EQ -> comparison == 0;
					case SEMVER_GT -> comparison > 0;
					default -> comparison < 0;
				};
				if (holds) {
					return true;
				}
			}
			return false;
		}

	}

	/** {@code in_segment}: the context is in any named segment; unknown segments never hold. */
	static final class InSegment extends CompiledCondition {

		private final CompiledSegment[] segments;

		private final boolean negate;

		InSegment(CompiledSegment[] segments, boolean negate) {
			this.segments = segments;
			this.negate = negate;
		}

		@Override
		boolean test(FlagContext context) {
			boolean in = false;
			for (CompiledSegment segment : this.segments) {
				if (segment.contains(context)) {
					in = true;
					break;
				}
			}
			return in != this.negate;
		}

	}

}
