package dev.flags.spring.redis;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.Segment;
import dev.flags.core.store.FlagStoreException;
import dev.flags.core.store.VersionConflictException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis commands and scripts of a store, and what their answers mean: every Redis failure
 * becomes a {@link FlagStoreException}, a script's refusal the matching exception.
 */
final class RedisCommands {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final long auditMaxLength;

	private final String source;

	private final Clock clock;

	RedisCommands(RedisConnectionFactory connectionFactory, RedisKeys keys, long auditMaxLength, String source,
			Clock clock) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.keys = keys;
		this.auditMaxLength = auditMaxLength;
		this.source = source;
		this.clock = clock;
	}

	/**
	 * The revision, in one round trip that also checks the marker.
	 * @return the revision
	 * @throws FlagStoreDataLostException when the marker is gone
	 */
	long revision() {
		List<String> values = call("read the revision",
				() -> this.redis.opsForValue().multiGet(List.of(this.keys.revision(), this.keys.marker())));
		if (values == null || values.size() != 2 || values.get(1) == null) {
			throw lost(null);
		}
		return parseRevision(values.get(0));
	}

	/**
	 * Everything the store holds, read at one point in time.
	 * @param action what the read is for, to name it in errors
	 * @return the stored state
	 */
	Stored read(String action) {
		List<Object> reply = execute(action, RedisScripts.READ, List.of());
		parseRevision((String) reply.get(1));
		return new Stored((String) reply.get(0), pairs(reply.get(2)), pairs(reply.get(3)));
	}

	/**
	 * Runs the save script.
	 * @param flag the flag at its new version
	 * @param expectedVersion the version the write was based on
	 * @param time the time of the change, for the audit record
	 * @param auditFields extra audit fields, as name, value, name, value...
	 * @return the revision after the write and the id of its audit record
	 */
	Written save(Flag flag, long expectedVersion, Instant time, List<String> auditFields) {
		List<String> args = new ArrayList<>(List.of(flag.key(), Long.toString(expectedVersion),
				RedisDocuments.json(flag), time.toString(), this.keys.channel(), this.source,
				Long.toString(this.auditMaxLength)));
		args.addAll(auditFields);
		return written(flag.key(), expectedVersion,
				execute("save flag '" + flag.key() + "'", RedisScripts.SAVE, args));
	}

	/**
	 * Runs the delete script.
	 * @param key the flag key
	 * @param expectedVersion the version the deletion was based on
	 * @param time the time of the change, for the audit record
	 * @param auditFields extra audit fields, as name, value, name, value...
	 * @return the revision after the deletion and the id of its audit record
	 */
	Written delete(String key, long expectedVersion, Instant time, List<String> auditFields) {
		List<String> args = new ArrayList<>(List.of(key, Long.toString(expectedVersion), time.toString(),
				this.keys.channel(), this.source, Long.toString(this.auditMaxLength)));
		args.addAll(auditFields);
		return written(key, expectedVersion, execute("delete flag '" + key + "'", RedisScripts.DELETE, args));
	}

	/**
	 * Audit stream entries, newest first.
	 * @param upTo the id of the newest entry to read (inclusive), or null for the newest of all
	 * @param count the most entries to read
	 * @return the entries
	 */
	List<MapRecord<String, Object, Object>> auditEntries(@Nullable String upTo, int count) {
		Range<String> range = (upTo != null) ? Range.of(Range.Bound.unbounded(), Range.Bound.inclusive(upTo))
				: Range.unbounded();
		List<MapRecord<String, Object, Object>> entries = call("read the audit stream",
				() -> this.redis.opsForStream().reverseRange(this.keys.audit(), range, Limit.limit().count(count)));
		return (entries != null) ? entries : List.of();
	}

	/**
	 * The time now, by the store's clock.
	 * @return the instant
	 */
	Instant instant() {
		return this.clock.instant();
	}

	/**
	 * Runs the seed script: fills the store when it holds nothing.
	 * @param type {@code SEEDED} or {@code RESTORED}
	 * @param definitions the document
	 * @param action what the seeding is for, to name it in errors
	 * @return the revision after seeding, or null when the store held data
	 */
	@Nullable Long seed(String type, Definitions definitions, String action) {
		List<String> args = new ArrayList<>(List.of(type, now(), Long.toString(this.clock.millis()),
				this.keys.channel(), this.source, Long.toString(this.auditMaxLength),
				"{\"initialisedAt\":\"" + now() + "\",\"by\":\"" + type + "\"}",
				Integer.toString(definitions.flags().size())));
		for (Flag flag : definitions.flags()) {
			args.add(flag.key());
			args.add(RedisDocuments.json(flag));
		}
		for (Segment segment : definitions.segments()) {
			args.add(segment.key());
			args.add(RedisDocuments.json(segment));
		}
		List<Object> reply = execute(action, RedisScripts.SEED, args);
		if ("exists".equals(reply.get(0))) {
			return null;
		}
		return outcome("(document)", 0, reply);
	}

	/**
	 * What the store holds, for a message on why it was not seeded.
	 * @return a description
	 */
	String describeContents() {
		Stored stored = read("describe the flag store");
		return "marker " + ((stored.marker() != null) ? "present" : "missing") + ", " + stored.flags().size()
				+ " flags, " + stored.segments().size() + " segments";
	}

	/**
	 * The exception for a missing marker.
	 * @param stored what the store holds, when known
	 * @return the exception
	 */
	FlagStoreDataLostException lost(@Nullable Stored stored) {
		if (stored != null && (!stored.flags().isEmpty() || !stored.segments().isEmpty())) {
			return new FlagStoreDataLostException("The Redis flag store's marker key '" + this.keys.marker()
					+ "' is missing, though " + stored.flags().size() + " flags and " + stored.segments().size()
					+ " segments are stored: was it deleted by hand? Not loading them; if they are intact, recreate "
					+ "the marker (SET " + this.keys.marker() + " restored)");
		}
		return new FlagStoreDataLostException("The Redis flag store lost its data: its marker key '"
				+ this.keys.marker() + "' is missing (Redis restarted empty or was flushed), or the store was never "
				+ "initialised. Not returning an empty document, so instances keep serving the flags they have; "
				+ "re-seed the store with restore(definitions) from a known good document, or seedIfEmpty on a "
				+ "first start");
	}

	private List<Object> execute(String action, RedisScript<List<Object>> script, List<String> args) {
		List<Object> reply = call(action, () -> this.redis.execute(script, this.keys.scriptKeys(), args.toArray()));
		if (reply == null || reply.isEmpty()) {
			throw new FlagStoreException("Redis gave no answer when asked to " + action);
		}
		return reply;
	}

	private <T> T call(String action, Supplier<T> command) {
		try {
			return command.get();
		}
		catch (DataAccessException ex) {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			throw new FlagStoreException("Could not " + action + " in Redis (store keys " + this.keys.flags()
					+ " and others): " + ((cause.getMessage() != null) ? cause.getMessage() : cause.toString()), ex);
		}
	}

	private Written written(String key, long expectedVersion, List<Object> reply) {
		long revision = outcome(key, expectedVersion, reply);
		if (reply.size() < 3 || !(reply.get(2) instanceof String id)) {
			throw new FlagStoreException("Unexpected answer from Redis: " + reply);
		}
		return new Written(revision, id);
	}

	private long outcome(String key, long expectedVersion, List<Object> reply) {
		Object status = reply.get(0);
		Object detail = (reply.size() > 1) ? reply.get(1) : null;
		if ("ok".equals(status) && detail instanceof Number revision) {
			return revision.longValue();
		}
		if ("conflict".equals(status)) {
			throw new VersionConflictException(key, expectedVersion,
					(detail instanceof Number current) ? current.longValue() : null);
		}
		if ("lost".equals(status)) {
			throw lost(null);
		}
		if ("malformed".equals(status)) {
			throw new FlagStoreException("Flag '" + key + "' in hash '" + this.keys.flags()
					+ "' holds malformed JSON, so its version cannot be checked; fix or remove it by hand first");
		}
		if ("broken".equals(status)) {
			throw new FlagStoreException("Cannot write to the Redis flag store: " + detail);
		}
		throw new FlagStoreException("Unexpected answer from Redis: " + reply);
	}

	private long parseRevision(@Nullable String value) {
		if (value == null) {
			return 0;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new FlagStoreException(
					"The revision key '" + this.keys.revision() + "' holds '" + value + "', not a number");
		}
	}

	private String now() {
		return this.clock.instant().toString();
	}

	private static Map<String, String> pairs(@Nullable Object reply) {
		Map<String, String> map = new HashMap<>();
		if (reply instanceof List<?> list) {
			for (int i = 0; i + 1 < list.size(); i += 2) {
				map.put((String) list.get(i), (String) list.get(i + 1));
			}
		}
		return map;
	}

	/**
	 * What the read script returned.
	 *
	 * @param marker the marker's value, or null when it is gone
	 * @param flags the flags hash
	 * @param segments the segments hash
	 */
	record Stored(@Nullable String marker, Map<String, String> flags, Map<String, String> segments) {
	}

	/**
	 * What a write script returned.
	 *
	 * @param revision the store's revision after the write
	 * @param auditId the stream id of the write's audit record
	 */
	record Written(long revision, String auditId) {
	}

}
