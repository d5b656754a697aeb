package dev.flags.spring.autoconfigure;

/**
 * The stores {@code flags.store.type} can choose.
 */
public enum FlagStoreType {

	/**
	 * The store is chosen from what the application configures: the file store when
	 * {@code flags.store.file.path} is set, otherwise the in-memory store. Never the Redis store,
	 * which is chosen explicitly.
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
	FILE,

	/**
	 * Definitions kept in Redis, through the application's {@code RedisConnectionFactory}, and
	 * shared by every instance: a change made on one is seen by all of them.
	 */
	REDIS

}
