package dev.flags.spring.autoconfigure;

import dev.flags.core.model.InvalidDefinitionsException;

/**
 * Says which configured source held definitions that broke the spec's rules.
 */
final class InvalidDefinitionsSourceException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String source;

	InvalidDefinitionsSourceException(String source, InvalidDefinitionsException cause) {
		super("Invalid flag definitions in " + source + ": " + cause.getMessage(), cause);
		this.source = source;
	}

	String getSource() {
		return this.source;
	}

}
