package dev.flags.core.audit;

import org.jspecify.annotations.Nullable;

/**
 * One field of a flag that a change set to another value. Values are as in the flag's JSON
 * (spec §1): strings, booleans, numbers, lists and maps of those; null for a field that was, or
 * became, absent.
 *
 * @param field the field's name in the flag's JSON, e.g. {@code rollout} or {@code rules}
 * @param before its value before the change
 * @param after its value after the change
 */
public record FieldChange(String field, @Nullable Object before, @Nullable Object after) {

	@Override
	public String toString() {
		return this.field + ": " + this.before + " -> " + this.after;
	}

}
