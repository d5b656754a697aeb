package dev.flags.test;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The flags one test forces, and the {@link FlagOverrides} it forces them in. Three layers, each
 * winning over the one before: the test's {@link WithFlag} declarations, the states of its
 * {@link FlagStatesTest} run, and the changes made through {@link FlagControl}. Closing the scope
 * puts every target back as it was before the test.
 */
final class OverrideScope implements AutoCloseable {

	private final Map<FlagOverrides, Map<String, FlagState>> targets = new LinkedHashMap<>();

	private Map<String, FlagState> declared = Map.of();

	private Map<String, FlagState> run = Map.of();

	private final Map<String, @Nullable FlagState> controlled = new LinkedHashMap<>();

	// Only targets this test changed are put back: a test that forced nothing must not undo what
	// another test, holding the lock, forces in a shared application context meanwhile.
	private final Set<FlagOverrides> changed = Collections.newSetFromMap(new IdentityHashMap<>());

	private boolean closed;

	/**
	 * Forces this test's flags in a target too, remembering its state to restore it.
	 * @param target the overrides
	 */
	synchronized void add(FlagOverrides target) {
		if (!this.closed && !this.targets.containsKey(target)) {
			this.targets.put(target, target.forced());
			push(target);
		}
	}

	synchronized void declare(Map<String, FlagState> declared) {
		this.declared = new LinkedHashMap<>(declared);
		pushAll();
	}

	synchronized void run(Map<String, FlagState> run) {
		this.run = new LinkedHashMap<>(run);
		pushAll();
	}

	synchronized void control(String key, @Nullable FlagState state) {
		Map<String, @Nullable FlagState> before = new LinkedHashMap<>(this.controlled);
		this.controlled.remove(key);
		this.controlled.put(key, state);
		try {
			pushAll();
		}
		catch (RuntimeException ex) {
			// A refused change (an unknown variant) leaves the test's flags as they were.
			this.controlled.clear();
			this.controlled.putAll(before);
			pushAll();
			throw ex;
		}
	}

	/**
	 * The flags this test forces now.
	 * @return the states
	 */
	synchronized FlagStates states() {
		Map<String, FlagState> states = new LinkedHashMap<>();
		layers().forEach((key, state) -> {
			if (state != null) {
				states.put(key, state);
			}
		});
		return new FlagStates(states);
	}

	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			this.targets.forEach((target, saved) -> {
				if (this.changed.contains(target)) {
					target.restore(saved);
				}
			});
		}
	}

	private Map<String, @Nullable FlagState> layers() {
		Map<String, @Nullable FlagState> layers = new LinkedHashMap<>(this.declared);
		layers.putAll(this.run);
		layers.putAll(this.controlled);
		return layers;
	}

	private void pushAll() {
		if (!this.closed) {
			this.targets.keySet().forEach(this::push);
		}
	}

	private void push(FlagOverrides target) {
		Map<String, @Nullable FlagState> layers = layers();
		if (layers.isEmpty()) {
			return;
		}
		if (!target.isAttached()) {
			throw new IllegalStateException("Cannot force " + layers.keySet() + ": no FlagSnapshotProvider reads "
					+ "the forced flags. In a Spring test, the application context needs flags' auto-configuration "
					+ "(or a FlagSnapshotProvider bean); a mocked FlagService cannot be forced");
		}
		Map<String, FlagState> next = new LinkedHashMap<>(this.targets.get(target));
		layers.forEach((key, state) -> {
			if (state != null) {
				next.put(key, state);
			}
			else {
				next.remove(key);
			}
		});
		this.changed.add(target);
		target.replace(next);
	}

}
