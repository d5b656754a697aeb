package dev.flags.core.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Which flag keys the application asked for, and when each was last evaluated, to the second.
 * <p>
 * {@link #recordEvaluation(String)} is made for the hot path: a map read, a volatile read of a
 * coarse clock and a compare; it writes a key's timestamp at most once per clock tick, and
 * allocates only the first time it sees a key. The coarse clock moves only when
 * {@link #tick()} is called, which the owner does about once a second from a background thread.
 * At most {@code maxKeys} keys are tracked, so keys built at run time cannot grow it without
 * bound; {@link #isFull()} says when some were left out.
 * <p>
 * Times are those of this process since {@link #since()}: an application whose instances
 * restart sees only what happened since its last start. Thread-safe.
 */
public final class FlagUsage {

	/** How many keys are tracked unless told otherwise. */
	public static final int DEFAULT_MAX_KEYS = 10_000;

	private static final long SECOND = 1000;

	private final Clock clock;

	private final int maxKeys;

	private final Instant since;

	private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

	private volatile long now;

	private volatile boolean full;

	/**
	 * Creates a tracker of up to {@value #DEFAULT_MAX_KEYS} keys.
	 * @param clock the clock {@link #tick()} reads
	 */
	public FlagUsage(Clock clock) {
		this(clock, DEFAULT_MAX_KEYS);
	}

	/**
	 * Creates a tracker.
	 * @param clock the clock {@link #tick()} reads
	 * @param maxKeys the most keys tracked
	 */
	public FlagUsage(Clock clock, int maxKeys) {
		if (maxKeys < 1) {
			throw new IllegalArgumentException("maxKeys must be at least 1 (was " + maxKeys + ")");
		}
		this.clock = clock;
		this.maxKeys = maxKeys;
		this.now = seconds(clock.millis());
		this.since = Instant.ofEpochMilli(this.now);
	}

	/**
	 * Records that a flag was evaluated, at the time of the last {@link #tick()}.
	 * @param key the flag key asked for, defined or not
	 */
	public void recordEvaluation(String key) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			entry = register(key);
			if (entry == null) {
				return;
			}
		}
		long now = this.now;
		if (entry.lastEvaluated != now) {
			entry.lastEvaluated = now;
		}
	}

	/**
	 * Moves the coarse clock to the clock's current second.
	 */
	public void tick() {
		this.now = seconds(this.clock.millis());
	}

	/**
	 * When tracking started: the earliest a key can have been seen.
	 * @return the start, to the second
	 */
	public Instant since() {
		return this.since;
	}

	/**
	 * When a key was last evaluated.
	 * @param key the flag key
	 * @return the time, to the second, or null when it was not evaluated since {@link #since()}
	 */
	public @Nullable Instant lastEvaluated(String key) {
		Entry entry = this.entries.get(key);
		return (entry != null) ? Instant.ofEpochMilli(entry.lastEvaluated) : null;
	}

	/**
	 * The keys asked for since {@link #since()}, defined or not.
	 * @return the keys
	 */
	public Set<String> keys() {
		return Set.copyOf(this.entries.keySet());
	}

	/**
	 * Whether keys were left untracked because {@code maxKeys} were tracked already.
	 * @return true when some keys are missing
	 */
	public boolean isFull() {
		return this.full;
	}

	private @Nullable Entry register(String key) {
		// Keys are never removed, so once full it stays full: later keys cost one volatile read.
		if (this.full) {
			return null;
		}
		if (this.entries.size() >= this.maxKeys) {
			this.full = true;
			return null;
		}
		return this.entries.computeIfAbsent(key, (k) -> new Entry(this.now));
	}

	private static long seconds(long millis) {
		return Math.floorDiv(millis, SECOND) * SECOND;
	}

	/** The last evaluation of one key, in epoch milliseconds. */
	private static final class Entry {

		volatile long lastEvaluated;

		Entry(long lastEvaluated) {
			this.lastEvaluated = lastEvaluated;
		}

	}

}
