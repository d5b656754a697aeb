package dev.flags.spring.redis;

import java.util.concurrent.CopyOnWriteArrayList;

import dev.flags.core.store.FlagStore;
import dev.flags.core.store.StoreChange;
import dev.flags.core.store.StoreListener;

/**
 * The listeners of a store. A listener that throws does not stop the others.
 */
final class StoreListeners {

	private final CopyOnWriteArrayList<StoreListener> listeners = new CopyOnWriteArrayList<>();

	FlagStore.Subscription add(StoreListener listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	boolean isEmpty() {
		return this.listeners.isEmpty();
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
