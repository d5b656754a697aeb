package dev.flags.spring.redis;

/**
 * How a {@link RedisFlagStore} names its keys and keeps its audit stream.
 *
 * @param keyPrefix the prefix of every key, used as their Redis Cluster hash tag: with
 * {@code flags}, the keys are {@code {flags}:flags}, {@code {flags}:segments}, {@code {flags}:rev},
 * {@code {flags}:marker}, {@code {flags}:audit} and the channel {@code {flags}:events}
 * @param auditMaxLength the number of audit records the stream keeps, approximately (older ones
 * are trimmed); 0 keeps them all
 */
public record RedisFlagStoreOptions(String keyPrefix, long auditMaxLength) {

	/** The default key prefix. */
	public static final String DEFAULT_KEY_PREFIX = "flags";

	/**
	 * Creates the options.
	 * @param keyPrefix the key prefix: not blank, without braces
	 * @param auditMaxLength the audit records to keep; 0 for all
	 */
	public RedisFlagStoreOptions {
		if (keyPrefix.isBlank() || keyPrefix.contains("{") || keyPrefix.contains("}")) {
			throw new IllegalArgumentException("The Redis key prefix must not be blank nor contain '{' or '}' (was '"
					+ keyPrefix + "'): it becomes the hash tag of every key, as in {" + DEFAULT_KEY_PREFIX + "}:rev");
		}
		if (auditMaxLength < 0) {
			throw new IllegalArgumentException(
					"The audit stream's maximum length must be 0 (keep all) or more (was " + auditMaxLength + ")");
		}
	}

	/**
	 * The defaults: prefix {@value #DEFAULT_KEY_PREFIX}, every audit record kept.
	 * @return the default options
	 */
	public static RedisFlagStoreOptions defaults() {
		return new RedisFlagStoreOptions(DEFAULT_KEY_PREFIX, 0);
	}

	/**
	 * These options with another key prefix.
	 * @param keyPrefix the key prefix
	 * @return the changed options
	 */
	public RedisFlagStoreOptions withKeyPrefix(String keyPrefix) {
		return new RedisFlagStoreOptions(keyPrefix, this.auditMaxLength);
	}

	/**
	 * These options with another audit stream length.
	 * @param auditMaxLength the audit records to keep; 0 for all
	 * @return the changed options
	 */
	public RedisFlagStoreOptions withAuditMaxLength(long auditMaxLength) {
		return new RedisFlagStoreOptions(this.keyPrefix, auditMaxLength);
	}

}
