package dev.flags.spring.lifecycle;

import java.util.List;
import java.util.stream.Collectors;

import dev.flags.core.lifecycle.FlagReference;

/**
 * Thrown at startup, with {@code flags.lifecycle.fail-on-undefined-references=true}, when the
 * application references flags that are not defined.
 */
public class UndefinedFlagReferencesException extends IllegalStateException {

	private final List<FlagReference> references;

	/**
	 * Creates the exception.
	 * @param references the references to undefined flags
	 */
	public UndefinedFlagReferencesException(List<FlagReference> references) {
		super("The application references flags that are not defined: " + references.stream()
			.map(FlagReference::toString)
			.collect(Collectors.joining(", ")));
		this.references = List.copyOf(references);
	}

	/**
	 * The references to undefined flags.
	 * @return the references
	 */
	public List<FlagReference> getReferences() {
		return this.references;
	}

}
