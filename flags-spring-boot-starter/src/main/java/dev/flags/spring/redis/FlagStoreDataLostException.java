package dev.flags.spring.redis;

import dev.flags.core.store.FlagStoreException;

/**
 * Thrown when the store's marker key is gone: Redis lost its data (it restarted empty, or was
 * flushed), or the store was never initialised. The store then refuses to read or write rather
 * than hand out an empty document, so every instance keeps the flags it has loaded until the store
 * is re-seeded with {@link RedisFlagStore#restore}.
 */
public class FlagStoreDataLostException extends FlagStoreException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what was found and what to do
	 */
	public FlagStoreDataLostException(String message) {
		super(message);
	}

}
