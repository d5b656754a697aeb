package dev.flags.spring.redis;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.flags.core.audit.AuditJson;
import dev.flags.core.audit.AuditLog;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.Change;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.core.store.DocumentWrites;
import dev.flags.core.store.FlagStore;
import dev.flags.core.store.FlagStoreException;
import dev.flags.core.store.FlagWrite;
import dev.flags.core.store.StoreChange;
import dev.flags.core.store.StoreListener;
import dev.flags.core.store.VersionConflictException;
import dev.flags.spring.redis.RedisCommands.Stored;
import dev.flags.spring.redis.RedisCommands.Written;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.ConnectionUtils;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * A {@link FlagStore} in Redis, shared by every instance of an application.
 * <h2>Layout</h2>
 * With the key prefix {@code flags} (see {@link RedisFlagStoreOptions}), all keys share the hash
 * tag {@code {flags}}, so that the scripts touching several of them work on Redis Cluster:
 * <ul>
 * <li>{@code {flags}:flags}: a hash of flag key to the flag's JSON, exactly as in the spec's
 * definitions document, so services in other languages read the same definitions;</li>
 * <li>{@code {flags}:segments}: a hash of segment key to the segment's JSON;</li>
 * <li>{@code {flags}:rev}: the store's revision, raised by every change;</li>
 * <li>{@code {flags}:marker}: written when the store is initialised ({@link #seedIfEmpty},
 * {@link #restore}); when it is gone, Redis lost its data;</li>
 * <li>{@code {flags}:audit}: a stream with one record, a flat field map, per change: {@code type},
 * {@code key}, {@code versionBefore}, {@code versionAfter}, {@code before} and {@code after} (the
 * flag's JSON; absent for none), {@code time}, {@code revision}, {@code change} (the kind of change:
 * {@code CREATED}, {@code UPDATED}, {@code ENABLED}, {@code DISABLED}, {@code ROLLOUT_CHANGED} or
 * {@code DELETED}), {@code changes} (the changed fields with their old and new values, as a JSON
 * array), and, for a write made with a {@link Change}, {@code actor}, {@code reason} and
 * {@code requestId} (the last two when given); plus any fields the caller adds;</li>
 * <li>the channel {@code {flags}:events}: one JSON message per change,
 * {@code {"type":"SAVED","key":"…","revision":42,"source":"…"}}.</li>
 * </ul>
 * <h2>Writes</h2>
 * A write loads the current document and checks, in Java, the expected version and the whole
 * document that would result; then one Lua script checks the version again, stores the flag,
 * appends the audit record, raises the revision and publishes the change event, all or nothing.
 * Of two writers racing on one flag, exactly one wins; the other gets a
 * {@link VersionConflictException} with the current version.
 * <h2>Change events</h2>
 * Listeners are told of this object's own writes on the writer's thread when the write returns,
 * and of changes made through other store objects on a thread of this store, as they arrive over
 * pub/sub (a flag saved or deleted elsewhere keeps its {@code SAVED} or {@code DELETED} type). When
 * the pub/sub connection is (re)established, listeners get an {@code EXTERNAL} change, so they
 * catch up on anything missed while it was down, or an {@code ERROR} when the store cannot be read.
 * After editing the hashes by hand, raise the revision ({@code INCR {flags}:rev}) and publish any
 * message on the channel to make instances reload.
 * <h2>Failures</h2>
 * When Redis cannot be reached, every read and write throws a {@link FlagStoreException} and changes
 * nothing; a registry keeps serving its last snapshot. How long a call waits first is the
 * connection factory's to say: a refused connection fails at once, a command on a connection that
 * went away waits for Lettuce to reconnect up to the command timeout
 * ({@code spring.data.redis.timeout}; Lettuce's default is 60 seconds, so set it to a second or
 * two), and {@code ClientOptions.disconnectedBehavior(REJECT_COMMANDS)} makes such commands fail at
 * once. When the marker is gone (Redis restarted empty or was flushed), reads and writes throw a
 * {@link FlagStoreDataLostException} instead of returning an empty document; one instance then
 * calls {@link #restore} with a known good document.
 * <p>
 * Needs a Lettuce connection factory (its pub/sub connection does not block a thread).
 * Thread-safe.
 */
public final class RedisFlagStore implements FlagStore {

	private static final Log logger = LogFactory.getLog(RedisFlagStore.class);

	private static final Set<String> STANDARD_AUDIT_FIELDS = Set.of("type", "key", "versionBefore", "versionAfter",
			"before", "after", "time", "revision", "flags", "segments", "change", "changes");

	private final RedisFlagStoreOptions options;

	private final RedisKeys keys;

	private final RedisCommands commands;

	private final Clock clock;

	private final StoreListeners listeners = new StoreListeners();

	private final ExecutorService events;

	private final ChangeSubscriber subscriber;

	/**
	 * Creates a store. It does not connect until first used, so it can be created while Redis is
	 * down.
	 * @param connectionFactory a Lettuce connection factory
	 * @param options the key prefix and audit settings
	 */
	public RedisFlagStore(RedisConnectionFactory connectionFactory, RedisFlagStoreOptions options) {
		this(connectionFactory, options, Clock.systemUTC());
	}

	/**
	 * Creates a store. It does not connect until first used, so it can be created while Redis is
	 * down.
	 * @param connectionFactory a Lettuce connection factory
	 * @param options the key prefix and audit settings
	 * @param clock the clock for audit times and the history of saved flags
	 */
	public RedisFlagStore(RedisConnectionFactory connectionFactory, RedisFlagStoreOptions options, Clock clock) {
		if (!ConnectionUtils.isAsync(connectionFactory)) {
			throw new IllegalArgumentException("The Redis flag store needs a Lettuce connection factory, whose pub/sub "
					+ "connection does not block a thread (was " + connectionFactory.getClass().getName() + ")");
		}
		String source = UUID.randomUUID().toString();
		this.options = options;
		this.keys = RedisKeys.of(options.keyPrefix());
		this.commands = new RedisCommands(connectionFactory, this.keys, options.auditMaxLength(), source, clock);
		this.clock = clock;
		this.events = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "flags-redis-events");
			thread.setDaemon(true);
			return thread;
		});
		this.subscriber = new ChangeSubscriber(connectionFactory, this.keys.channel(), source, this.events,
				this::onRemoteChange, this::catchUp);
	}

	/**
	 * The options this store was created with.
	 * @return the options
	 */
	public RedisFlagStoreOptions options() {
		return this.options;
	}

	@Override
	public Definitions load() {
		Stored stored = this.commands.read("load the flag definitions");
		listenIfNeeded();
		if (stored.marker() == null) {
			throw this.commands.lost(stored);
		}
		return RedisDocuments.read(this.keys, stored.flags(), stored.segments());
	}

	@Override
	public long revision() {
		long revision = this.commands.revision();
		listenIfNeeded();
		return revision;
	}

	@Override
	public Flag save(Flag flag, long expectedVersion) {
		return Objects.requireNonNull(save(flag, expectedVersion, Change.system(this.commands.instant())).flag());
	}

	/**
	 * Creates or replaces one flag, when its stored version is the expected one, and appends its
	 * audit record, with the actor, reason and request id of the change, in the same script.
	 * @param flag the new definition; its own {@code version} field is ignored
	 * @param expectedVersion the version the change was based on: 0 to create a flag that must not
	 * exist yet
	 * @param change who makes the change, when and why
	 * @return the flag as stored and its audit record, whose id is the stream entry's id
	 * @throws VersionConflictException when the stored version is not the expected one
	 * @throws InvalidDefinitionsException when the flag, or the document with it, is invalid
	 * @throws FlagStoreException when the store cannot be written; nothing was changed
	 */
	@Override
	public FlagWrite save(Flag flag, long expectedVersion, Change change) {
		return write(flag, expectedVersion, change, changeFields(change));
	}

	/**
	 * Creates or replaces one flag, when its stored version is the expected one, and records the
	 * given fields in its audit record besides the standard ones.
	 * @param flag the new definition; its own {@code version} field is ignored
	 * @param expectedVersion the version the change was based on: 0 to create a flag that must not
	 * exist yet
	 * @param auditFields fields to add to the audit record (who, why); none may be named as a
	 * standard one
	 * @return the flag as stored, with its version raised to {@code expectedVersion + 1}
	 * @throws VersionConflictException when the stored version is not the expected one
	 * @throws InvalidDefinitionsException when the flag, or the document with it, is invalid
	 * @throws FlagStoreException when the store cannot be written; nothing was changed
	 */
	public Flag save(Flag flag, long expectedVersion, Map<String, String> auditFields) {
		checkCallerFields(auditFields);
		return Objects.requireNonNull(
				write(flag, expectedVersion, Change.system(this.commands.instant()), auditFields).flag());
	}

	private FlagWrite write(Flag flag, long expectedVersion, Change change, Map<String, String> auditFields) {
		Definitions current = currentForWrite("save flag '" + flag.key() + "'");
		Flag stored = DocumentWrites.stored(
				DocumentWrites.save(current, flag, expectedVersion, this.clock, change.actor()), flag.key());
		// The script checks the version again: the flag it replaces is the one read here.
		AuditRecord record = AuditRecord.of("", current.flag(flag.key()).orElse(null), stored, change);
		Written written = this.commands.save(stored, expectedVersion, change.time(),
				flatten(withRecordFields(auditFields, record)));
		this.listeners.fire(new StoreChange(StoreChange.Type.SAVED, flag.key(), written.revision(), null));
		return new FlagWrite(stored, record.withId(written.auditId()));
	}

	@Override
	public void delete(String key, long expectedVersion) {
		delete(key, expectedVersion, Change.system(this.commands.instant()));
	}

	/**
	 * Deletes one flag, when its stored version is the expected one, and appends its audit
	 * record, with the actor, reason and request id of the change, in the same script.
	 * @param key the flag key
	 * @param expectedVersion the version the deletion was based on
	 * @param change who deletes the flag, when and why
	 * @return the audit record, whose id is the stream entry's id
	 * @throws VersionConflictException when the flag is missing or its version is another
	 * @throws FlagStoreException when the store cannot be written; nothing was changed
	 */
	@Override
	public FlagWrite delete(String key, long expectedVersion, Change change) {
		return remove(key, expectedVersion, change, changeFields(change));
	}

	/**
	 * Deletes one flag, when its stored version is the expected one, and records the given fields
	 * in its audit record besides the standard ones.
	 * @param key the flag key
	 * @param expectedVersion the version the deletion was based on
	 * @param auditFields fields to add to the audit record; none may be named as a standard one
	 * @throws VersionConflictException when the flag is missing or its version is another
	 * @throws FlagStoreException when the store cannot be written; nothing was changed
	 */
	public void delete(String key, long expectedVersion, Map<String, String> auditFields) {
		checkCallerFields(auditFields);
		remove(key, expectedVersion, Change.system(this.commands.instant()), auditFields);
	}

	private FlagWrite remove(String key, long expectedVersion, Change change, Map<String, String> auditFields) {
		Definitions current = currentForWrite("delete flag '" + key + "'");
		DocumentWrites.delete(current, key, expectedVersion);
		AuditRecord record = AuditRecord.of("", current.flag(key).orElseThrow(), null, change);
		Written written = this.commands.delete(key, expectedVersion, change.time(),
				flatten(withRecordFields(auditFields, record)));
		this.listeners.fire(new StoreChange(StoreChange.Type.DELETED, key, written.revision(), null));
		return new FlagWrite(null, record.withId(written.auditId()));
	}

	/**
	 * The audit log: the records of the flags' writes in the audit stream, newest first. Record
	 * ids are stream entry ids. The records of seeding and restoring, which are about the whole
	 * document, are not among them.
	 * @return the audit log
	 */
	@Override
	public AuditLog auditLog() {
		return new RedisAuditLog(this.commands, this.keys);
	}

	/**
	 * Initialises the store from a document, the definitions file for instance, when Redis holds
	 * nothing of it yet: neither the marker, nor any flag or segment. Never writes over existing
	 * data. A store whose Redis lost its data looks the same, so an instance that starts then
	 * seeds it from its file.
	 * @param definitions the document, validated
	 * @return true when the store was seeded, false when it already held data
	 * @throws InvalidDefinitionsException when the document is invalid
	 * @throws FlagStoreException when the store cannot be written
	 */
	public boolean seedIfEmpty(Definitions definitions) {
		DefinitionsValidator.validate(definitions);
		Long revision = this.commands.seed("SEEDED", definitions, "seed the flag store");
		if (revision == null) {
			logger.info("Not seeding the Redis flag store '" + this.keys.flags() + "': it already holds data ("
					+ this.commands.describeContents() + ")");
			return false;
		}
		logger.info("Seeded the Redis flag store '" + this.keys.flags() + "' with " + describe(definitions)
				+ " (revision " + revision + ")");
		this.listeners.fire(new StoreChange(StoreChange.Type.EXTERNAL, null, revision, null));
		return true;
	}

	/**
	 * Re-seeds a store whose Redis lost its data (see {@link FlagStoreDataLostException}) from a
	 * known good document, such as the snapshot an instance still serves. One instance does it;
	 * the others follow through the change event. Never writes over existing data.
	 * @param definitions the document, validated; flags keep their versions
	 * @throws InvalidDefinitionsException when the document is invalid
	 * @throws FlagStoreException when the store still holds data, or cannot be written
	 */
	public void restore(Definitions definitions) {
		DefinitionsValidator.validate(definitions);
		Long revision = this.commands.seed("RESTORED", definitions, "restore the flag store");
		if (revision == null) {
			throw new FlagStoreException("Refusing to restore the Redis flag store '" + this.keys.flags()
					+ "' over existing data (" + this.commands.describeContents()
					+ "): restore only re-seeds a store that lost its data");
		}
		logger.warn("Restored the Redis flag store '" + this.keys.flags() + "' with " + describe(definitions)
				+ " (revision " + revision + ")");
		this.listeners.fire(new StoreChange(StoreChange.Type.EXTERNAL, null, revision, null));
	}

	@Override
	public Subscription subscribe(StoreListener listener) {
		Subscription subscription = this.listeners.add(listener);
		this.subscriber.ensureSubscribed();
		return subscription;
	}

	/**
	 * Stops listening for change events. The connection factory is left open: it is not this
	 * store's.
	 */
	@Override
	public void close() {
		this.subscriber.close();
		this.events.shutdownNow();
	}

	private Definitions currentForWrite(String action) {
		Stored stored = this.commands.read(action);
		if (stored.marker() == null) {
			throw this.commands.lost(stored);
		}
		try {
			return RedisDocuments.read(this.keys, stored.flags(), stored.segments());
		}
		catch (FlagStoreException ex) {
			throw new FlagStoreException("Cannot " + action + " while the stored document is invalid; fix or "
					+ "remove the fields named by hand first. " + ex.getMessage(), ex);
		}
	}

	private void listenIfNeeded() {
		if (!this.listeners.isEmpty()) {
			this.subscriber.ensureSubscribed();
		}
	}

	private void onRemoteChange(@Nullable ChangeMessage message) {
		if (message == null) {
			catchUp();
			return;
		}
		this.listeners.fire(message.toStoreChange());
	}

	private void catchUp() {
		StoreChange change;
		try {
			change = new StoreChange(StoreChange.Type.EXTERNAL, null, revision(), null);
		}
		catch (FlagStoreException ex) {
			change = new StoreChange(StoreChange.Type.ERROR, null, -1, ex);
		}
		this.listeners.fire(change);
	}

	private static Map<String, String> changeFields(Change change) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("actor", change.actor());
		if (change.reason() != null) {
			fields.put("reason", change.reason());
		}
		if (change.requestId() != null) {
			fields.put("requestId", change.requestId());
		}
		return fields;
	}

	/** The caller's fields and the standard ones a write computes in Java, checked apart. */
	private static Map<String, String> withRecordFields(Map<String, String> auditFields, AuditRecord record) {
		Map<String, String> fields = new LinkedHashMap<>(auditFields);
		fields.put("change", record.type().name());
		fields.put("changes", AuditJson.changes(record.changes()));
		return fields;
	}

	private static void checkCallerFields(Map<String, String> auditFields) {
		for (String name : auditFields.keySet()) {
			if (name.isEmpty() || STANDARD_AUDIT_FIELDS.contains(name)) {
				throw new IllegalArgumentException("Audit field '" + name + "' cannot be added: the standard fields "
						+ STANDARD_AUDIT_FIELDS + " are written by the store, and a name must not be empty");
			}
		}
	}

	private static List<String> flatten(Map<String, String> auditFields) {
		List<String> flat = new ArrayList<>();
		auditFields.forEach((name, value) -> {
			flat.add(name);
			flat.add(value);
		});
		return flat;
	}

	private static String describe(Definitions definitions) {
		return definitions.flags().size() + " flags and " + definitions.segments().size() + " segments";
	}

}
