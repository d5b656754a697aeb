package dev.flags.core.store;

/**
 * Told of changes to a store's document.
 */
@FunctionalInterface
public interface StoreListener {

	/**
	 * Called after the stored document changed, or when the store found a problem with it.
	 * Called on the writer's thread or on a store's own thread; must not block.
	 * @param change what happened
	 */
	void onChange(StoreChange change);

}
