package dev.flags.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The flags a test runs with, and the state each is forced into; a test method receives it as a
 * parameter. In a run of a {@link FlagStatesTest} it holds the run's states (and those of
 * {@link WithFlag}); in any other test, the flags forced by {@link WithFlag}.
 *
 * @param states the forced flags, by key, in the order they were declared
 */
public record FlagStates(Map<String, FlagState> states) {

	/**
	 * Creates the states, copying the map.
	 * @param states the forced flags, by key
	 */
	public FlagStates {
		states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
	}

	/**
	 * The state a flag is forced into.
	 * @param key the flag key
	 * @return the state, or null when the test does not force the flag
	 */
	public @Nullable FlagState get(String key) {
		return this.states.get(key);
	}

	/**
	 * Whether a flag is forced on.
	 * @param key the flag key
	 * @return true when forced on (with or without a variant)
	 * @throws IllegalArgumentException when the test does not force the flag
	 */
	public boolean isEnabled(String key) {
		return required(key).enabled();
	}

	/**
	 * The variant a flag is forced to serve.
	 * @param key the flag key
	 * @return the variant, or null when the flag is forced on or off without one
	 * @throws IllegalArgumentException when the test does not force the flag
	 */
	public @Nullable String variant(String key) {
		return required(key).variant();
	}

	private FlagState required(String key) {
		FlagState state = this.states.get(key);
		if (state == null) {
			throw new IllegalArgumentException(
					"Flag '" + key + "' is not forced in this test; forced flags: " + this.states.keySet());
		}
		return state;
	}

	/**
	 * The states as display names show them: {@code new-checkout=on, pricing=treatment}.
	 * @return the states
	 */
	@Override
	public String toString() {
		return this.states.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(", "));
	}

}
