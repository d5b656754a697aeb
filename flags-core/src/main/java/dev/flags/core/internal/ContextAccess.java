package dev.flags.core.internal;

import java.util.Objects;

import dev.flags.core.model.FlagContext;
import org.jspecify.annotations.Nullable;

/**
 * What the evaluator reads of a {@link FlagContext} beyond its public API: the UTF-8 bytes of
 * its key, encoded once when the context is built. They are the context's own array, never handed
 * to callers, so that no one can change a context's buckets by writing to it. Not an API.
 */
public final class ContextAccess {

	private static @Nullable Accessor accessor;

	private ContextAccess() {
	}

	/**
	 * Called once, by {@link FlagContext}'s initialization.
	 * @param accessor reads a context's key bytes
	 */
	public static synchronized void register(Accessor accessor) {
		if (ContextAccess.accessor != null) {
			throw new IllegalStateException("FlagContext's accessor is already registered");
		}
		ContextAccess.accessor = Objects.requireNonNull(accessor);
	}

	/**
	 * The UTF-8 bytes of a context's key; the caller must not write to them.
	 * @param context the context
	 * @return the bytes, or null for an anonymous context
	 */
	public static byte @Nullable [] keyUtf8(FlagContext context) {
		Accessor accessor = ContextAccess.accessor;
		if (accessor == null) {
			// A context exists, so its class is initialized and has registered: never reached
			throw new IllegalStateException("FlagContext has not registered its accessor");
		}
		return accessor.keyUtf8(context);
	}

	/**
	 * Reads a context's key bytes.
	 */
	public interface Accessor {

		/**
		 * The UTF-8 bytes of a context's key.
		 * @param context the context
		 * @return the bytes, or null for an anonymous context
		 */
		byte @Nullable [] keyUtf8(FlagContext context);

	}

}
