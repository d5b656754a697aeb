package dev.flags.core.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a definitions document, or a flag written to a store, breaks the rules of the
 * spec (§1). The document is rejected whole; nothing of it is applied.
 */
public class InvalidDefinitionsException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final transient List<DefinitionProblem> problems;

	/**
	 * Creates the exception.
	 * @param problems everything found wrong, at least one
	 */
	public InvalidDefinitionsException(List<DefinitionProblem> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Everything found wrong with the document.
	 * @return the problems, in document order
	 */
	public List<DefinitionProblem> problems() {
		return this.problems;
	}

	private static String message(List<DefinitionProblem> problems) {
		String listed = problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("; "));
		return "Invalid flag definitions (" + problems.size() + ((problems.size() == 1) ? " problem" : " problems")
				+ "): " + listed;
	}

}
