package dev.flags.core.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks a definitions document against the rules of spec §1 and reports every problem, each
 * naming the flag or segment, the field and the reason.
 */
public final class DefinitionsValidator {

	/** The pattern every flag key must match. */
	public static final Pattern FLAG_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final int MAX_QUOTED_DIGITS = 40;

	private DefinitionsValidator() {
	}

	/**
	 * Validates a document.
	 * @param definitions the document
	 * @throws InvalidDefinitionsException when anything is wrong
	 */
	public static void validate(Definitions definitions) {
		List<DefinitionProblem> problems = problems(definitions);
		if (!problems.isEmpty()) {
			throw new InvalidDefinitionsException(problems);
		}
	}

	/**
	 * Lists what is wrong with a document.
	 * @param definitions the document
	 * @return the problems; empty when the document is valid
	 */
	public static List<DefinitionProblem> problems(Definitions definitions) {
		List<DefinitionProblem> problems = new ArrayList<>();
		Set<String> flagKeys = new HashSet<>();
		for (int i = 0; i < definitions.flags().size(); i++) {
			Flag flag = definitions.flags().get(i);
			String location = flagLocation(flag.key(), i);
			if (!flagKeys.add(flag.key())) {
				problems.add(new DefinitionProblem(location, "key", "duplicate flag key '" + flag.key() + "'"));
			}
			checkFlag(flag, location, problems);
		}
		Set<String> segmentKeys = new HashSet<>();
		for (int i = 0; i < definitions.segments().size(); i++) {
			Segment segment = definitions.segments().get(i);
			String location = segmentLocation(segment.key(), i);
			if (segment.key().isEmpty()) {
				problems.add(new DefinitionProblem(location, "key", "must not be empty"));
			}
			else if (!segmentKeys.add(segment.key())) {
				problems.add(new DefinitionProblem(location, "key",
						"duplicate segment key '" + segment.key() + "'"));
			}
			for (int r = 0; r < segment.rules().size(); r++) {
				List<Condition> when = segment.rules().get(r).when();
				for (int c = 0; c < when.size(); c++) {
					String field = "rules[" + r + "].when[" + c + "]";
					if (when.get(c).op() == Operator.IN_SEGMENT) {
						problems.add(new DefinitionProblem(location, field + ".op",
								"in_segment is not allowed in a segment's rules (segments do not nest)"));
					}
					else {
						checkCondition(when.get(c), location, field, problems);
					}
				}
			}
		}
		return problems;
	}

	/**
	 * Lists what is wrong with one flag on its own (everything but duplicate keys).
	 * @param flag the flag
	 * @return the problems; empty when the flag is valid
	 */
	public static List<DefinitionProblem> problems(Flag flag) {
		List<DefinitionProblem> problems = new ArrayList<>();
		checkFlag(flag, flagLocation(flag.key(), 0), problems);
		return problems;
	}

	/**
	 * How problems name a flag: by key when the key is valid, else by position.
	 * @param key the flag key
	 * @param index its position in the document
	 * @return the location
	 */
	public static String flagLocation(String key, int index) {
		return FLAG_KEY.matcher(key).matches() ? "flag '" + key + "'" : "flags[" + index + "]";
	}

	/**
	 * How problems name a segment: by key, or by position when the key is empty.
	 * @param key the segment key
	 * @param index its position in the document
	 * @return the location
	 */
	public static String segmentLocation(String key, int index) {
		return key.isEmpty() ? "segments[" + index + "]" : "segment '" + key + "'";
	}

	private static void checkFlag(Flag flag, String location, List<DefinitionProblem> problems) {
		if (!FLAG_KEY.matcher(flag.key()).matches()) {
			problems.add(new DefinitionProblem(location, "key", "'" + flag.key()
					+ "' is not a valid flag key: 1 to 128 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"));
		}
		checkRollout(flag.rollout(), location, "rollout", problems);
		if (flag.version() != null && flag.version() < 0) {
			problems.add(new DefinitionProblem(location, "version", "must not be negative (was " + flag.version() + ")"));
		}
		if (flag.bucketBy() != null && flag.bucketBy().isEmpty()) {
			problems.add(new DefinitionProblem(location, "bucketBy", "must not be empty"));
		}
		Set<String> variantNames = new LinkedHashSet<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int v = 0; v < flag.variants().size(); v++) {
			Variant variant = flag.variants().get(v);
			String field = "variants[" + v + "]";
			if (variant.name().isEmpty()) {
				problems.add(new DefinitionProblem(location, field + ".name", "must not be empty"));
			}
			else if (!variantNames.add(variant.name())) {
				problems.add(new DefinitionProblem(location, field + ".name",
						"duplicate variant name '" + variant.name() + "'"));
			}
			if (variant.weight().signum() < 0) {
				problems.add(new DefinitionProblem(location, field + ".weight",
						"must not be negative (was " + quote(variant.weight()) + ")"));
			}
			total = total.add(variant.weight());
		}
		if (!flag.variants().isEmpty() && total.compareTo(HUNDRED) != 0) {
			problems.add(new DefinitionProblem(location, "variants",
					"weights must sum to 100 (they sum to " + quote(total.stripTrailingZeros()) + ")"));
		}
		for (int r = 0; r < flag.rules().size(); r++) {
			Rule rule = flag.rules().get(r);
			String field = "rules[" + r + "]";
			if (rule.variant() != null && rule.rollout() != null) {
				problems.add(new DefinitionProblem(location, field,
						"a rule serves either a variant or a rollout, not both"));
			}
			if (rule.variant() != null && !variantNames.contains(rule.variant())) {
				problems.add(new DefinitionProblem(location, field + ".variant",
						"'" + rule.variant() + "' is not one of the flag's variants " + variantNames));
			}
			if (rule.rollout() != null) {
				checkRollout(rule.rollout(), location, field + ".rollout", problems);
			}
			for (int c = 0; c < rule.when().size(); c++) {
				checkCondition(rule.when().get(c), location, field + ".when[" + c + "]", problems);
			}
		}
	}

	private static void checkRollout(BigDecimal rollout, String location, String field,
			List<DefinitionProblem> problems) {
		if (rollout.compareTo(BigDecimal.ZERO) < 0 || rollout.compareTo(HUNDRED) > 0) {
			problems.add(new DefinitionProblem(location, field,
					"must be between 0 and 100 (was " + quote(rollout) + ")"));
		}
		else if (rollout.stripTrailingZeros().scale() > 3) {
			problems.add(new DefinitionProblem(location, field,
					"at most 3 decimals are allowed, the resolution is 0.001 % (was " + quote(rollout) + ")"));
		}
	}

	private static void checkCondition(Condition condition, String location, String field,
			List<DefinitionProblem> problems) {
		if (condition.op() != Operator.IN_SEGMENT && (condition.attribute() == null || condition.attribute().isEmpty())) {
			problems.add(new DefinitionProblem(location, field + ".attribute",
					"is required for operator '" + condition.op().json() + "'"));
		}
		for (int i = 0; i < condition.values().size(); i++) {
			@Nullable Object value = condition.values().get(i);
			String valueField = field + ".values[" + i + "]";
			if (condition.op() == Operator.IN_SEGMENT) {
				if (!(value instanceof String)) {
					problems.add(new DefinitionProblem(location, valueField, "must be a segment key (a string)"));
				}
			}
			else if (value instanceof Double d && (d.isNaN() || d.isInfinite())
					|| value instanceof Float f && (f.isNaN() || f.isInfinite())) {
				problems.add(new DefinitionProblem(location, valueField, "must be a finite number"));
			}
			else if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
				problems.add(new DefinitionProblem(location, valueField,
						"must be a string, number or boolean (was " + describe(value) + ")"));
			}
		}
	}

	/**
	 * A number as a message quotes it: in plain notation, unless that would be long, as for
	 * {@code 1e999999}, whose plain notation is a million digits.
	 */
	private static String quote(BigDecimal number) {
		return (number.precision() + Math.abs(number.scale()) > MAX_QUOTED_DIGITS) ? number.toString()
				: number.toPlainString();
	}

	private static String describe(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof List<?>) {
			return "a list";
		}
		if (value instanceof java.util.Map<?, ?>) {
			return "an object";
		}
		return value.getClass().getSimpleName();
	}

}
