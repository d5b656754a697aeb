package dev.flags.test;

/**
 * Flips flags in the middle of a test, to test a transition: a user who had a feature loses it,
 * and the old path takes over. Declare a parameter of this type in a test method; every change
 * is undone when the test ends, whether it passed or failed.
 * <p>
 * In a Spring test the changes apply to the application context's
 * {@link dev.flags.spring.FlagService}; in a test without Spring, to the test's
 * {@link TestFlags}.
 */
public interface FlagControl {

	/**
	 * Forces a flag on.
	 * @param key the flag key
	 */
	default void enable(String key) {
		force(key, FlagState.on());
	}

	/**
	 * Forces a flag off.
	 * @param key the flag key
	 */
	default void disable(String key) {
		force(key, FlagState.off());
	}

	/**
	 * Forces a flag on, serving one variant.
	 * @param key the flag key
	 * @param variant the variant
	 * @throws IllegalArgumentException when the flag is defined and has no such variant
	 */
	default void enable(String key, String variant) {
		force(key, FlagState.variant(variant));
	}

	/**
	 * Forces a flag into a state.
	 * @param key the flag key
	 * @param state the state
	 * @throws IllegalArgumentException when the key is not a valid flag key, or the flag is defined
	 * and has no such variant
	 */
	void force(String key, FlagState state);

	/**
	 * Stops forcing a flag: from now on it follows its definition, even when an annotation forced
	 * it at the start of the test.
	 * @param key the flag key
	 */
	void reset(String key);

}
