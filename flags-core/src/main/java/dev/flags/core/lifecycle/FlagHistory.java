package dev.flags.core.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.flags.core.model.Flag;
import org.jspecify.annotations.Nullable;

/**
 * The age and state history of a flag, kept in its definition by the store's write path (see
 * {@link #recordSave}): {@code createdAt} (a field of the spec), and the fields
 * {@value #UPDATED_AT}, {@value #UPDATED_BY}, {@value #FULLY_ON_SINCE} and {@value #FULLY_OFF_SINCE}, which the spec
 * keeps as fields it does not know. Evaluation ignores all of them.
 * <p>
 * A flag that was written without a history, by hand, is taken to have been in its state since
 * its last known change: {@code updatedAt}, else {@code createdAt}; {@link #sinceEstimated()}
 * says so.
 *
 * @param createdAt when the flag was created, or null when unknown
 * @param updatedAt when the flag was last written through a store, or null when unknown
 * @param state whether the flag is fully on, fully off, or neither
 * @param since when the flag entered its state, for a fully on or fully off flag; null when
 * partial or unknown
 * @param sinceEstimated whether {@code since} is an estimate rather than recorded by a store
 */
public record FlagHistory(@Nullable Instant createdAt, @Nullable Instant updatedAt, FlagState state,
		@Nullable Instant since, boolean sinceEstimated) {

	/** The field of the definition that holds when the flag was last written. */
	public static final String UPDATED_AT = "updatedAt";

	/** The field of the definition that holds who last wrote the flag: the actor of the change. */
	public static final String UPDATED_BY = "updatedBy";

	/** The field of the definition that holds since when the flag has been fully on. */
	public static final String FULLY_ON_SINCE = "fullyOnSince";

	/** The field of the definition that holds since when the flag has been fully off. */
	public static final String FULLY_OFF_SINCE = "fullyOffSince";

	/**
	 * The history a flag's definition holds. Fields that are not readable times count as absent;
	 * a {@code fullyOnSince} or {@code fullyOffSince} that does not match the flag's state (an
	 * edit by hand) is ignored.
	 * @param flag the definition
	 * @return its history
	 */
	public static FlagHistory of(Flag flag) {
		Instant createdAt = Timestamps.parse(flag.createdAt());
		Instant updatedAt = Timestamps.parse(flag.extra().get(UPDATED_AT));
		FlagState state = FlagState.of(flag);
		String field = sinceField(state);
		if (field == null) {
			return new FlagHistory(createdAt, updatedAt, state, null, false);
		}
		Instant since = Timestamps.parse(flag.extra().get(field));
		if (since != null) {
			return new FlagHistory(createdAt, updatedAt, state, since, false);
		}
		Instant estimate = (updatedAt != null) ? updatedAt : createdAt;
		return new FlagHistory(createdAt, updatedAt, state, estimate, estimate != null);
	}

	/**
	 * Since when the flag has been fully on.
	 * @return the time, or null when it is not fully on or the time is unknown
	 */
	public @Nullable Instant fullyOnSince() {
		return (this.state == FlagState.FULLY_ON) ? this.since : null;
	}

	/**
	 * Since when the flag has been fully off.
	 * @return the time, or null when it is not fully off or the time is unknown
	 */
	public @Nullable Instant fullyOffSince() {
		return (this.state == FlagState.FULLY_OFF) ? this.since : null;
	}

	/**
	 * The definition to store for a write, with its history brought up to date: {@code createdAt}
	 * kept as given, else carried over from the stored flag, else set to now; {@value #UPDATED_AT}
	 * set to now; and {@value #FULLY_ON_SINCE} or {@value #FULLY_OFF_SINCE} kept while the state
	 * stays the same, set to now when the flag enters that state, and removed when it leaves it.
	 * Whatever a writer sent in these three fields is replaced: only the store keeps them.
	 * @param stored the flag as stored before the write, or null when it is created
	 * @param flag the new definition
	 * @param now the time of the write
	 * @return the definition to store
	 */
	public static Flag recordSave(@Nullable Flag stored, Flag flag, Instant now) {
		return recordSave(stored, flag, now, null);
	}

	/**
	 * The definition to store for a write, as {@link #recordSave(Flag, Flag, Instant)}, and with
	 * {@value #UPDATED_BY} set to who makes it (or removed when unknown): whatever a writer sent in
	 * that field is replaced too.
	 * @param stored the flag as stored before the write, or null when it is created
	 * @param flag the new definition
	 * @param now the time of the write
	 * @param actor who makes the write, or null when unknown
	 * @return the definition to store
	 */
	public static Flag recordSave(@Nullable Flag stored, Flag flag, Instant now, @Nullable String actor) {
		String time = Timestamps.format(now);
		Flag.Builder builder = flag.toBuilder();
		if (flag.createdAt() == null) {
			builder.createdAt((stored != null && stored.createdAt() != null) ? stored.createdAt() : time);
		}
		Map<String, @Nullable Object> extra = new LinkedHashMap<>(flag.extra());
		extra.remove(UPDATED_AT);
		extra.remove(UPDATED_BY);
		extra.remove(FULLY_ON_SINCE);
		extra.remove(FULLY_OFF_SINCE);
		extra.put(UPDATED_AT, time);
		if (actor != null) {
			extra.put(UPDATED_BY, actor);
		}
		FlagState state = FlagState.of(flag);
		String field = sinceField(state);
		if (field != null) {
			Instant since = null;
			if (stored != null) {
				FlagHistory before = of(stored);
				since = (before.state() == state) ? before.since() : null;
			}
			extra.put(field, (since != null) ? Timestamps.format(since) : time);
		}
		return builder.extra(extra).build();
	}

	/**
	 * Who last wrote a flag through a store, as its definition holds it.
	 * @param flag the definition
	 * @return the actor, or null when unknown (never written through a store since it was kept)
	 */
	public static @Nullable String updatedBy(Flag flag) {
		Object actor = flag.extra().get(UPDATED_BY);
		return (actor instanceof String s && !s.isBlank()) ? s : null;
	}

	private static @Nullable String sinceField(FlagState state) {
		return switch (state) {
			case FULLY_ON -> FULLY_ON_SINCE;
			case FULLY_OFF -> FULLY_OFF_SINCE;
			case PARTIAL -> null;
		};
	}

}
