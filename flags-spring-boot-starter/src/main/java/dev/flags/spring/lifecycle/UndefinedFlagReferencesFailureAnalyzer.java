package dev.flags.spring.lifecycle;

import dev.flags.core.lifecycle.FlagReference;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed on references to flags that are not defined: each key and
 * where it is referenced.
 */
final class UndefinedFlagReferencesFailureAnalyzer extends AbstractFailureAnalyzer<UndefinedFlagReferencesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UndefinedFlagReferencesException cause) {
		StringBuilder description = new StringBuilder(
				"The application references flags that are not defined; each would silently serve its default:\n");
		for (FlagReference reference : cause.getReferences()) {
			description.append("\n    - ").append(reference);
		}
		return new FailureAnalysis(description.toString(),
				"Define the flags, or correct the keys. To only warn, set "
						+ "flags.lifecycle.fail-on-undefined-references=false.",
				cause);
	}

}
