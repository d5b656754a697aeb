package dev.flags.core.model;

import org.jspecify.annotations.Nullable;

/**
 * The operators a condition may use (spec §5).
 */
public enum Operator {

	/** The value equals one of the values. */
	IN("in"),
	/** The attribute is present and equals none of the values. */
	NOT_IN("not_in"),
	/** A string contains one of the values. */
	CONTAINS("contains"),
	/** A string starts with one of the values. */
	STARTS_WITH("starts_with"),
	/** A string ends with one of the values. */
	ENDS_WITH("ends_with"),
	/** A number is greater than one of the values. */
	GT("gt"),
	/** A number is greater than or equal to one of the values. */
	GTE("gte"),
	/** A number is less than one of the values. */
	LT("lt"),
	/** A number is less than or equal to one of the values. */
	LTE("lte"),
	/** An instant is strictly before one of the values. */
	BEFORE("before"),
	/** An instant is strictly after one of the values. */
	AFTER("after"),
	/** A version equals one of the values by SemVer precedence. */
	SEMVER_EQ("semver_eq"),
	/** A version is greater than one of the values by SemVer precedence. */
	SEMVER_GT("semver_gt"),
	/** A version is less than one of the values by SemVer precedence. */
	SEMVER_LT("semver_lt"),
	/** The context is in one of the named segments. */
	IN_SEGMENT("in_segment");

	private final String json;

	Operator(String json) {
		this.json = json;
	}

	/**
	 * The name of this operator in the definitions document.
	 * @return the JSON name, e.g. {@code starts_with}
	 */
	public String json() {
		return this.json;
	}

	/**
	 * The operator with the given JSON name.
	 * @param json the name as written in a document
	 * @return the operator, or null when none has that name
	 */
	public static @Nullable Operator fromJson(String json) {
		for (Operator operator : values()) {
			if (operator.json.equals(json)) {
				return operator;
			}
		}
		return null;
	}

}
