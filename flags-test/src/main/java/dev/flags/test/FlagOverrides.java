package dev.flags.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.DefinitionProblem;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Flag;
import dev.flags.core.model.Variant;
import dev.flags.spring.FlagSnapshotProvider;
import org.jspecify.annotations.Nullable;

/**
 * The flags a test forces, laid over the definitions a {@link FlagSnapshotProvider} supplies.
 * Thread-safe. {@link #attach(FlagSnapshotProvider)} wraps a provider so that its snapshots show
 * the forced flags (see {@link FlagState} for how a forced flag is evaluated); while nothing is
 * forced, the wrapped provider costs one volatile read.
 * <p>
 * In a Spring test, every application context has one, which {@link WithFlag},
 * {@link FlagStatesTest} and {@link FlagControl} change for one test at a time: the context is
 * shared by the tests that use it, so tests that force flags in it take the resource lock
 * {@link #LOCK} and JUnit never runs two of them at once. {@link TestFlags} has one of its own.
 */
public final class FlagOverrides {

	/**
	 * The key of the resource lock that tests forcing flags in a Spring application context take
	 * (read-write). A test that relies on the configured state of flags in a context others force
	 * flags in can take it for reading: {@code @ResourceLock(value = FlagOverrides.LOCK, mode = READ)}.
	 */
	public static final String LOCK = "dev.flags.test.FlagOverrides";

	private final List<FlagSnapshotProvider> attached = new CopyOnWriteArrayList<>();

	private volatile Map<String, FlagState> forced = Map.of();

	private volatile @Nullable Overlay overlay;

	/**
	 * Wraps a provider: its snapshots then show the forced flags.
	 * @param provider the provider of the definitions
	 * @return a provider of the definitions with the forced flags laid over them
	 */
	public FlagSnapshotProvider attach(FlagSnapshotProvider provider) {
		this.attached.add(provider);
		return new OverriddenFlagSnapshotProvider(provider, this);
	}

	/**
	 * Whether a provider was attached: forcing a flag has no effect before one is.
	 * @return true once {@link #attach(FlagSnapshotProvider)} was called
	 */
	public boolean isAttached() {
		return !this.attached.isEmpty();
	}

	/**
	 * Forces a flag into a state, replacing what was forced for it before.
	 * @param key the flag key
	 * @param state the state
	 * @throws IllegalArgumentException when the key is not a valid flag key, or the flag is defined
	 * and has no such variant
	 */
	public synchronized void force(String key, FlagState state) {
		check(key, state);
		Map<String, FlagState> next = new LinkedHashMap<>(this.forced);
		next.put(key, state);
		this.forced = Collections.unmodifiableMap(next);
	}

	/**
	 * Stops forcing a flag.
	 * @param key the flag key
	 */
	public synchronized void reset(String key) {
		if (this.forced.containsKey(key)) {
			Map<String, FlagState> next = new LinkedHashMap<>(this.forced);
			next.remove(key);
			this.forced = Collections.unmodifiableMap(next);
		}
	}

	/**
	 * Stops forcing every flag.
	 */
	public synchronized void resetAll() {
		this.forced = Map.of();
	}

	/**
	 * The forced flags.
	 * @return the states, by key, in the order they were forced
	 */
	public Map<String, FlagState> forced() {
		return this.forced;
	}

	/**
	 * Replaces all forced flags at once, checking each first: on an error nothing changes.
	 * @param forced the flags to force
	 */
	synchronized void replace(Map<String, FlagState> forced) {
		forced.forEach(this::check);
		this.forced = Collections.unmodifiableMap(new LinkedHashMap<>(forced));
	}

	/**
	 * Puts back flags forced before, as they were: they were checked when first forced.
	 * @param forced the flags to force
	 */
	synchronized void restore(Map<String, FlagState> forced) {
		this.forced = forced;
	}

	/**
	 * Lays the forced flags over a snapshot.
	 * @param base the snapshot of the definitions
	 * @return a snapshot with the forced flags, or {@code base} when nothing is forced
	 */
	FlagSnapshot apply(FlagSnapshot base) {
		Map<String, FlagState> forced = this.forced;
		if (forced.isEmpty()) {
			return base;
		}
		Overlay overlay = this.overlay;
		if (overlay != null && overlay.base() == base && overlay.forced() == forced) {
			return overlay.snapshot();
		}
		Definitions definitions = base.definitions();
		for (Map.Entry<String, FlagState> entry : forced.entrySet()) {
			Flag flag = definitions.flag(entry.getKey()).orElseGet(() -> Flag.builder(entry.getKey()).build());
			definitions = definitions.withFlag(entry.getValue().applyTo(flag));
		}
		FlagSnapshot snapshot = FlagSnapshot.of(definitions);
		this.overlay = new Overlay(base, forced, snapshot);
		return snapshot;
	}

	private void check(String key, FlagState state) {
		if (!DefinitionsValidator.FLAG_KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Cannot force flag '" + key + "': not a valid flag key (expected "
					+ DefinitionsValidator.FLAG_KEY.pattern() + ")");
		}
		List<DefinitionProblem> problems = DefinitionsValidator.problems(state.applyTo(Flag.builder(key).build()));
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Cannot force flag '" + key + "' " + state + ": " + problems);
		}
		String variant = state.variant();
		if (variant == null) {
			return;
		}
		for (FlagSnapshotProvider provider : this.attached) {
			provider.currentSnapshot().flag(key).ifPresent((flag) -> checkVariant(flag, variant));
		}
	}

	private static void checkVariant(Flag flag, String variant) {
		List<String> names = flag.variants().stream().map(Variant::name).toList();
		if (!names.contains(variant)) {
			throw new IllegalArgumentException("Cannot force flag '" + flag.key() + "' to variant '" + variant
					+ "': " + (names.isEmpty() ? "the flag has no variants" : "its variants are " + names));
		}
	}

	private record Overlay(FlagSnapshot base, Map<String, FlagState> forced, FlagSnapshot snapshot) {
	}

}
