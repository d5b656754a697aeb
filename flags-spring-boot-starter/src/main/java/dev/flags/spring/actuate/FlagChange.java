package dev.flags.spring.actuate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.flags.core.model.Flag;
import dev.flags.spring.actuate.FlagsEndpoint.ProblemDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * A change the endpoint's write operation was asked for: the fields of the JSON body, checked
 * for type. Whether the values are allowed for the flag (a rollout of 0 to 100, at most three
 * decimals) is left to the spec's validation of the changed flag, so the endpoint and the stores
 * give the same reasons.
 * <p>
 * Over HTTP, actuator hands over every field of the body as text (the text of a JSON number is
 * kept exactly, so {@code 1.0001} stays {@code 1.0001}); JSON values are accepted too.
 *
 * @param enabled the new enabled state, or null to keep it
 * @param rollout the new rollout, or null to keep it
 * @param expectedVersion the version the change is based on, or null for the current one
 */
record FlagChange(@Nullable Boolean enabled, @Nullable BigDecimal rollout, @Nullable Long expectedVersion) {

	// JSON's number grammar, with a short exponent: a rollout never needs more, and a huge one
	// would make the error message that quotes the value huge.
	private static final Pattern JSON_NUMBER = Pattern
		.compile("-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,20})?([eE][+-]?[0-9]{1,2})?");

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[1-9][0-9]{0,17}");

	/**
	 * Reads a change from the values of the request's fields.
	 * @param enabled the value of {@code enabled}
	 * @param rollout the value of {@code rollout}
	 * @param expectedVersion the value of {@code expectedVersion}
	 * @return the change
	 * @throws InvalidFlagChangeException naming every field that is wrong, or saying that none
	 * was given
	 */
	static FlagChange read(@Nullable Object enabled, @Nullable Object rollout, @Nullable Object expectedVersion) {
		List<ProblemDescriptor> problems = new ArrayList<>();
		Boolean state = (enabled != null) ? bool(enabled) : null;
		if (enabled != null && state == null) {
			problems.add(new ProblemDescriptor("enabled", "must be true or false (was " + describe(enabled) + ")"));
		}
		BigDecimal percent = (rollout != null) ? decimal(rollout) : null;
		if (rollout != null && percent == null) {
			problems.add(new ProblemDescriptor("rollout",
					"must be a number from 0 to 100 (was " + describe(rollout) + ")"));
		}
		Long version = (expectedVersion != null) ? version(expectedVersion) : null;
		if (expectedVersion != null && version == null) {
			problems.add(new ProblemDescriptor("expectedVersion",
					"must be a whole number of at least 1 (was " + describe(expectedVersion) + ")"));
		}
		if (enabled == null && rollout == null) {
			problems.add(new ProblemDescriptor("enabled, rollout",
					"nothing to change: give enabled (true or false), rollout (0 to 100), or both"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFlagChangeException(problems);
		}
		return new FlagChange(state, percent, version);
	}

	/**
	 * The flag with this change applied.
	 * @param flag the flag as stored
	 * @return the changed flag
	 */
	Flag applyTo(Flag flag) {
		Flag.Builder builder = flag.toBuilder();
		if (this.enabled != null) {
			builder.enabled(this.enabled);
		}
		if (this.rollout != null) {
			builder.rollout(this.rollout);
		}
		return builder.build();
	}

	private static @Nullable Boolean bool(Object value) {
		if (value instanceof Boolean b) {
			return b;
		}
		if ("true".equals(value) || "false".equals(value)) {
			return Boolean.valueOf((String) value);
		}
		return null;
	}

	private static @Nullable BigDecimal decimal(Object value) {
		if (value instanceof BigDecimal big) {
			return big;
		}
		if (value instanceof BigInteger big) {
			return new BigDecimal(big);
		}
		if (value instanceof Double || value instanceof Float) {
			double d = ((Number) value).doubleValue();
			// The shortest decimal that reads back as the double: 1.0001 stays 1.0001.
			return Double.isFinite(d) ? new BigDecimal(value.toString()) : null;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		if (value instanceof String text && JSON_NUMBER.matcher(text).matches()) {
			return new BigDecimal(text);
		}
		return null;
	}

	private static @Nullable Long version(Object value) {
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			long version = ((Number) value).longValue();
			return (version >= 1) ? version : null;
		}
		if (value instanceof String text && WHOLE_NUMBER.matcher(text).matches()) {
			return Long.valueOf(text);
		}
		return null;
	}

	private static String describe(Object value) {
		return (value instanceof CharSequence) ? "the string \"" + value + "\"" : String.valueOf(value);
	}

	/**
	 * Thrown when a change is refused before anything is stored.
	 */
	static final class InvalidFlagChangeException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final transient List<ProblemDescriptor> problems;

		InvalidFlagChangeException(List<ProblemDescriptor> problems) {
			super(problems.toString());
			this.problems = List.copyOf(problems);
		}

		List<ProblemDescriptor> problems() {
			return this.problems;
		}

	}

}
