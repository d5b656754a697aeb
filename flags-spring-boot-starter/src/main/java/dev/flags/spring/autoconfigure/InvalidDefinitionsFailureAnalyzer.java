package dev.flags.spring.autoconfigure;

import dev.flags.core.model.DefinitionProblem;
import dev.flags.core.model.InvalidDefinitionsException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed on invalid flag definitions: every problem, by flag or
 * segment, field and reason, and where the definitions came from.
 */
final class InvalidDefinitionsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDefinitionsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidDefinitionsException cause) {
		InvalidDefinitionsSourceException source = findCause(rootFailure, InvalidDefinitionsSourceException.class);
		String where = (source != null) ? source.getSource() : "the flag store's document";
		StringBuilder description = new StringBuilder("Invalid flag definitions in ").append(where).append(":\n");
		for (DefinitionProblem problem : cause.problems()) {
			description.append("\n    - ").append(problem);
		}
		String action = (source != null) ? "Correct the definitions listed above in " + where + "."
				: "Correct the definitions listed above in the store's document, or replace it with a valid one.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
