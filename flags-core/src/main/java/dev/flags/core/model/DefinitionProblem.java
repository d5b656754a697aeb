package dev.flags.core.model;

/**
 * One thing wrong with a definitions document: where, which field, and why.
 *
 * @param location the flag or segment at fault, e.g. {@code flag 'new-checkout'}, or
 * {@code document}
 * @param field the field at fault, as a path inside the location, e.g. {@code rules[0].rollout}
 * @param reason what is wrong with it
 */
public record DefinitionProblem(String location, String field, String reason) {

	@Override
	public String toString() {
		return this.location + ": " + this.field + ": " + this.reason;
	}

}
