package dev.flags.spring.governance;

/**
 * What is wrong with one field of a request.
 *
 * @param field the field, as the request names it, e.g. {@code expectedVersion} or
 * {@code flag.rules[0].rollout}
 * @param reason why it is refused
 */
public record FieldProblem(String field, String reason) {

	@Override
	public String toString() {
		return this.field + ": " + this.reason;
	}

}
