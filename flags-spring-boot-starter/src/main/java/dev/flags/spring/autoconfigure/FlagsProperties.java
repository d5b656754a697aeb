package dev.flags.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of flags, under the {@code flags} prefix.
 */
@ConfigurationProperties("flags")
public class FlagsProperties {

	/**
	 * How often the store is read again to pick up changes it did not announce, and to retry
	 * a store that failed. Zero or a negative duration turns the periodic refresh off. Default:
	 * 5s, or 1s with the Redis store, where a refresh that finds nothing new costs one round
	 * trip.
	 */
	private Duration refreshInterval = Duration.ofSeconds(5);

	/**
	 * Location of a definitions document in the JSON format of the evaluation spec, for
	 * example 'classpath:flags.json' or 'file:/etc/shop/flags.json'. Flags also defined
	 * under 'flags.definitions' take the fields set there.
	 */
	private @Nullable Resource definitionsLocation;

	private final Definitions definitions = new Definitions();

	private final Store store = new Store();

	private final Web web = new Web();

	private final Client client = new Client();

	/**
	 * Whether this instance refuses every change to flags, through every API, as a read-only
	 * replica in production should.
	 */
	private boolean readOnly;

	private final Write write = new Write();

	private final Security security = new Security();

	private final Admin admin = new Admin();

	private final Audit audit = new Audit();

	private final Lifecycle lifecycle = new Lifecycle();

	public Duration getRefreshInterval() {
		return this.refreshInterval;
	}

	public void setRefreshInterval(Duration refreshInterval) {
		this.refreshInterval = refreshInterval;
	}

	public @Nullable Resource getDefinitionsLocation() {
		return this.definitionsLocation;
	}

	public void setDefinitionsLocation(@Nullable Resource definitionsLocation) {
		this.definitionsLocation = definitionsLocation;
	}

	public Definitions getDefinitions() {
		return this.definitions;
	}

	public Store getStore() {
		return this.store;
	}

	public Web getWeb() {
		return this.web;
	}

	public Client getClient() {
		return this.client;
	}

	public Lifecycle getLifecycle() {
		return this.lifecycle;
	}

	public boolean isReadOnly() {
		return this.readOnly;
	}

	public void setReadOnly(boolean readOnly) {
		this.readOnly = readOnly;
	}

	public Write getWrite() {
		return this.write;
	}

	public Security getSecurity() {
		return this.security;
	}

	public Admin getAdmin() {
		return this.admin;
	}

	public Audit getAudit() {
		return this.audit;
	}

	/**
	 * The audit log every store writes with each change.
	 */
	public static class Audit {

		/**
		 * Actor of the audit records of changes that come from files rather than from a
		 * person: edits of the file store's definitions file made outside the application.
		 */
		private String systemActor = "system";

		public String getSystemActor() {
			return this.systemActor;
		}

		public void setSystemActor(String systemActor) {
			this.systemActor = systemActor;
		}

	}

	/**
	 * How flags are changed at run time, through the admin API or the actuator endpoint.
	 */
	public static class Write {

		/**
		 * Whether flags may be changed at run time. Unset, writes are enabled when Spring
		 * Security's web security is active (roles then decide who may write) and disabled
		 * otherwise; set it to true without Spring Security only when the APIs are reachable
		 * by operators alone.
		 */
		private @Nullable Boolean enabled;

		/**
		 * The largest change of a flag's rollout, in percentage points, made without an
		 * explicit confirmation and a reason.
		 */
		private int rolloutStep = 50;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public int getRolloutStep() {
			return this.rolloutStep;
		}

		public void setRolloutStep(int rolloutStep) {
			this.rolloutStep = rolloutStep;
		}

	}

	/**
	 * The roles that may read and change flags, when Spring Security is active. Roles are
	 * matched as 'hasRole' matches them: FLAGS_WRITE is the authority ROLE_FLAGS_WRITE.
	 */
	public static class Security {

		/**
		 * Role that may read flags, their definitions and their audit log.
		 */
		private String readRole = "FLAGS_READ";

		/**
		 * Role that may change flags. A flag that names 'editors' may further be changed only by
		 * them or its owner.
		 */
		private String writeRole = "FLAGS_WRITE";

		/**
		 * Role also needed to delete or disable an entitlement flag, or change its kind.
		 */
		private String entitlementRole = "FLAGS_ENTITLEMENTS";

		public String getReadRole() {
			return this.readRole;
		}

		public void setReadRole(String readRole) {
			this.readRole = readRole;
		}

		public String getWriteRole() {
			return this.writeRole;
		}

		public void setWriteRole(String writeRole) {
			this.writeRole = writeRole;
		}

		public String getEntitlementRole() {
			return this.entitlementRole;
		}

		public void setEntitlementRole(String entitlementRole) {
			this.entitlementRole = entitlementRole;
		}

	}

	/**
	 * The admin REST API that creates, changes and deletes flags and reads their audit log,
	 * answering errors as RFC 9457 problem details.
	 */
	public static class Admin {

		/**
		 * Whether to serve the admin API in a servlet web application. Unset, it is served when
		 * Spring Security's web security is active, and not otherwise.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Base path of the admin API.
		 */
		private String path = "/flags/admin";

		/**
		 * Largest request body the admin API reads; a larger one is refused with 413.
		 */
		private DataSize maxPayloadSize = DataSize.ofKilobytes(64);

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public DataSize getMaxPayloadSize() {
			return this.maxPayloadSize;
		}

		public void setMaxPayloadSize(DataSize maxPayloadSize) {
			this.maxPayloadSize = maxPayloadSize;
		}

	}

	/**
	 * Flags and segments defined in the application's configuration.
	 */
	public static class Definitions {

		/**
		 * Flags by key. Write a key with a dot or an underscore in brackets, for example
		 * 'flags.definitions.flags[checkout.v2].rollout'; without them the binder drops
		 * those characters.
		 */
		private Map<String, FlagDefinitionProperties> flags = new LinkedHashMap<>();

		/**
		 * Segments by key, for the 'in_segment' conditions of flag rules.
		 */
		private Map<String, SegmentDefinitionProperties> segments = new LinkedHashMap<>();

		public Map<String, FlagDefinitionProperties> getFlags() {
			return this.flags;
		}

		public void setFlags(Map<String, FlagDefinitionProperties> flags) {
			this.flags = flags;
		}

		public Map<String, SegmentDefinitionProperties> getSegments() {
			return this.segments;
		}

		public void setSegments(Map<String, SegmentDefinitionProperties> segments) {
			this.segments = segments;
		}

	}

	/**
	 * Where definitions are kept.
	 */
	public static class Store {

		/**
		 * Which store keeps the definitions.
		 */
		private FlagStoreType type = FlagStoreType.AUTO;

		private final File file = new File();

		private final Redis redis = new Redis();

		public FlagStoreType getType() {
			return this.type;
		}

		public void setType(FlagStoreType type) {
			this.type = type;
		}

		public File getFile() {
			return this.file;
		}

		public Redis getRedis() {
			return this.redis;
		}

	}

	/**
	 * The file store: definitions in one JSON file that survives restarts.
	 */
	public static class File {

		/**
		 * Path of the definitions file. Setting it chooses the file store when the store type
		 * is 'auto'. A missing file is created, seeded from the configured definitions, on the
		 * first change; an existing file always wins over the configured definitions.
		 */
		private @Nullable Path path;

		/**
		 * Whether to watch the file and apply changes made to it on disk at once, rather than
		 * at the next refresh.
		 */
		private boolean watch = true;

		public @Nullable Path getPath() {
			return this.path;
		}

		public void setPath(@Nullable Path path) {
			this.path = path;
		}

		public boolean isWatch() {
			return this.watch;
		}

		public void setWatch(boolean watch) {
			this.watch = watch;
		}

	}

	/**
	 * The Redis store, chosen with 'flags.store.type=redis': definitions shared by every
	 * instance, through the connection Spring Boot configures from 'spring.data.redis.*'.
	 */
	public static class Redis {

		/**
		 * Prefix of the store's keys and their Redis Cluster hash tag: with 'flags', the keys
		 * are '{flags}:flags', '{flags}:rev' and so on. Instances that share their flags use the
		 * same prefix.
		 */
		private String keyPrefix = "flags";

		/**
		 * Number of records the audit stream keeps, approximately: older ones are trimmed. Zero
		 * keeps every record.
		 */
		private long auditMaxLength;

		/**
		 * Whether to initialise an empty store (no marker, no flag, no segment) from the
		 * configured definitions, when this instance has not loaded it yet. Never writes over
		 * existing data. A store that lost its data looks empty too, so an instance that starts
		 * then seeds it from its configuration.
		 */
		private boolean seed;

		/**
		 * Whether an instance re-seeds a store that lost its data (Redis restarted empty or was
		 * flushed) with the flags it serves. Racing instances are safe: the first wins and the
		 * others load its document. When off, instances keep serving their flags and report the
		 * loss until the store is restored by other means.
		 */
		private boolean restoreOnDataLoss = true;

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public long getAuditMaxLength() {
			return this.auditMaxLength;
		}

		public void setAuditMaxLength(long auditMaxLength) {
			this.auditMaxLength = auditMaxLength;
		}

		public boolean isSeed() {
			return this.seed;
		}

		public void setSeed(boolean seed) {
			this.seed = seed;
		}

		public boolean isRestoreOnDataLoss() {
			return this.restoreOnDataLoss;
		}

		public void setRestoreOnDataLoss(boolean restoreOnDataLoss) {
			this.restoreOnDataLoss = restoreOnDataLoss;
		}

	}

	/**
	 * How the context of an HTTP request is resolved.
	 */
	public static class Web {

		/**
		 * Request header whose value becomes the context key when no user is authenticated,
		 * for example 'X-User-Id'. Off by default: any client can set a header, so it
		 * identifies no one unless a gateway in front of the application sets it and drops
		 * it from client requests.
		 */
		private @Nullable String keyHeader;

		/**
		 * Context attributes taken from request headers, attribute name to header name, for
		 * example 'country' to 'CloudFront-Viewer-Country'. Clients can set headers: rules on
		 * these attributes may shape an experience, never decide what a user may access.
		 */
		private Map<String, String> attributeHeaders = new LinkedHashMap<>();

		private final AnonymousCookie anonymousCookie = new AnonymousCookie();

		public @Nullable String getKeyHeader() {
			return this.keyHeader;
		}

		public void setKeyHeader(@Nullable String keyHeader) {
			this.keyHeader = keyHeader;
		}

		public Map<String, String> getAttributeHeaders() {
			return this.attributeHeaders;
		}

		public void setAttributeHeaders(Map<String, String> attributeHeaders) {
			this.attributeHeaders = attributeHeaders;
		}

		public AnonymousCookie getAnonymousCookie() {
			return this.anonymousCookie;
		}

	}

	/**
	 * The cookie that gives anonymous visitors a stable key.
	 */
	public static class AnonymousCookie {

		/**
		 * Whether visitors with no other key get a random id in a cookie, so that they keep
		 * their bucket across requests.
		 */
		private boolean enabled = true;

		/**
		 * Name of the cookie.
		 */
		private String name = "flags_anonymous_id";

		/**
		 * How long the cookie lasts.
		 */
		private Duration maxAge = Duration.ofDays(365);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

	}

	/**
	 * The endpoint that serves browsers the current user's decisions of the flags marked
	 * 'clientVisible'.
	 */
	public static class Client {

		/**
		 * Whether to serve the current user's decisions of the flags marked 'clientVisible',
		 * in a servlet web application. Flags not marked never leave the server.
		 */
		private boolean enabled = true;

		/**
		 * Path of the endpoint.
		 */
		private String path = "/flags/client";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

	}

	/**
	 * The lifecycle of flags: when temporary flags are reported as due for removal, and how
	 * references to flags that are not defined are treated.
	 */
	public static class Lifecycle {

		/**
		 * Whether evaluations are sampled, stale flags reported (actuator endpoint, metrics,
		 * startup log) and references checked.
		 */
		private boolean enabled = true;

		/**
		 * How long a release or experiment flag may stay fully on or fully off before it is
		 * reported as due for removal. A number alone is days.
		 */
		@DurationUnit(ChronoUnit.DAYS)
		private Duration staleAfter = Duration.ofDays(30);

		/**
		 * How long a release or experiment flag may go without being evaluated by this
		 * application before it is reported as due for removal. A number alone is days.
		 */
		@DurationUnit(ChronoUnit.DAYS)
		private Duration unusedAfter = Duration.ofDays(30);

		/**
		 * Whether a flag that the application references through @FeatureFlag but that is not
		 * defined stops the application at startup, rather than being logged as a warning.
		 */
		private boolean failOnUndefinedReferences;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getStaleAfter() {
			return this.staleAfter;
		}

		public void setStaleAfter(Duration staleAfter) {
			this.staleAfter = staleAfter;
		}

		public Duration getUnusedAfter() {
			return this.unusedAfter;
		}

		public void setUnusedAfter(Duration unusedAfter) {
			this.unusedAfter = unusedAfter;
		}

		public boolean isFailOnUndefinedReferences() {
			return this.failOnUndefinedReferences;
		}

		public void setFailOnUndefinedReferences(boolean failOnUndefinedReferences) {
			this.failOnUndefinedReferences = failOnUndefinedReferences;
		}

	}

}
