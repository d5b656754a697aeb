package dev.flags.core.store;

/**
 * Thrown when a store cannot be read or written. Nothing was changed by the failed call.
 */
public class FlagStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed
	 * @param cause why
	 */
	public FlagStoreException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Creates the exception.
	 * @param message what failed
	 */
	public FlagStoreException(String message) {
		super(message);
	}

}
