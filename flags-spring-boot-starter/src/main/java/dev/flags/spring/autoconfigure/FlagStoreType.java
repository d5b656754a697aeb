package dev.flags.spring.autoconfigure;

/**
 * The stores {@code flags.store.type} can choose.
 */
public enum FlagStoreType {

	/**
	 * The store is chosen from what the application provides; without anything else, the
	 * in-memory store.
	 */
	AUTO,

	/**
	 * Definitions from configuration, kept in memory: changes made at runtime last until the
	 * application stops.
	 */
	MEMORY,

	/**
	 * Definitions kept in a JSON file, so that changes made at runtime survive a restart.
	 */
	FILE

}
