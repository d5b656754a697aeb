package dev.flags.spring.autoconfigure;

/**
 * The results stores {@code flags.experiments.results.store} can choose.
 */
public enum ResultsStoreType {

	/**
	 * The file store when {@code flags.experiments.results.file.path} is set, else the in-memory
	 * store.
	 */
	AUTO,

	/**
	 * Results in the heap of this instance, lost when it stops.
	 */
	MEMORY,

	/**
	 * Results in memory, written to a file periodically and on shutdown.
	 */
	FILE,

	/**
	 * Results in Redis, shared by every instance; needs a Redis connection factory.
	 */
	REDIS

}
