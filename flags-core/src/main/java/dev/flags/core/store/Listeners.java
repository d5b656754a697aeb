package dev.flags.core.store;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of a store. A listener that throws does not stop the others.
 */
final class Listeners {

	private final CopyOnWriteArrayList<StoreListener> listeners = new CopyOnWriteArrayList<>();

	FlagStore.Subscription add(StoreListener listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	void fire(StoreChange change) {
		for (StoreListener listener : this.listeners) {
			try {
				listener.onChange(change);
			}
			catch (RuntimeException ex) {
				// A broken listener must not break a write that already happened.
			}
		}
	}

}
