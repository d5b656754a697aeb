package dev.flags.spring.governance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a request to read or change flags is refused. Nothing was stored. Says what was
 * wrong, which fields, and what to send instead.
 */
public class FlagWriteRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Refusal refusal;

	private final transient List<FieldProblem> problems;

	private final transient Map<String, Object> properties;

	/**
	 * Creates the exception.
	 * @param refusal why
	 * @param detail what happened, for people
	 * @param problems the fields at fault, if any
	 * @param properties further facts a client acts on, such as {@code currentVersion}
	 */
	public FlagWriteRefusedException(Refusal refusal, String detail, List<FieldProblem> problems,
			Map<String, ?> properties) {
		super(detail);
		this.refusal = refusal;
		this.problems = List.copyOf(problems);
		this.properties = new LinkedHashMap<>(properties);
	}

	/**
	 * Creates the exception for a refusal without fields at fault.
	 * @param refusal why
	 * @param detail what happened
	 */
	public FlagWriteRefusedException(Refusal refusal, String detail) {
		this(refusal, detail, List.of(), Map.of());
	}

	/**
	 * Creates the exception for invalid fields.
	 * @param problems the fields at fault, at least one
	 * @return the exception
	 */
	public static FlagWriteRefusedException invalid(List<FieldProblem> problems) {
		return new FlagWriteRefusedException(Refusal.INVALID,
				"The request was refused: " + String.join("; ", problems.stream().map(FieldProblem::toString).toList()),
				problems, Map.of());
	}

	/**
	 * Creates the exception for one invalid field.
	 * @param field the field
	 * @param reason why
	 * @return the exception
	 */
	public static FlagWriteRefusedException invalid(String field, String reason) {
		return invalid(List.of(new FieldProblem(field, reason)));
	}

	/**
	 * Why the request was refused.
	 * @return the refusal
	 */
	public Refusal refusal() {
		return this.refusal;
	}

	/**
	 * The fields at fault.
	 * @return the problems; empty when no field is at fault
	 */
	public List<FieldProblem> problems() {
		return this.problems;
	}

	/**
	 * Further facts a client acts on: {@code currentVersion} for a conflict,
	 * {@code confirmationRequired} and {@code resend} for an unconfirmed change.
	 * @return the properties
	 */
	public Map<String, Object> properties() {
		return this.properties;
	}

	/**
	 * The flag's current version, for a conflict.
	 * @return the version, or null
	 */
	public @Nullable Long currentVersion() {
		return (this.properties.get("currentVersion") instanceof Long version) ? version : null;
	}

}
