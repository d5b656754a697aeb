package dev.flags.spring.redis;

import java.util.List;

/**
 * The names of a store's keys and channel. All keys share one hash tag, so the scripts that
 * touch several of them work on Redis Cluster.
 *
 * @param flags the hash of flag key to flag JSON
 * @param segments the hash of segment key to segment JSON
 * @param revision the store-wide revision counter
 * @param marker the key written when the store is initialised; its absence means lost data
 * @param audit the audit stream
 * @param channel the pub/sub channel of change events
 */
record RedisKeys(String flags, String segments, String revision, String marker, String audit, String channel) {

	static RedisKeys of(String prefix) {
		String tag = "{" + prefix + "}:";
		return new RedisKeys(tag + "flags", tag + "segments", tag + "rev", tag + "marker", tag + "audit",
				tag + "events");
	}

	/** The keys in the order the scripts expect them. */
	List<String> scriptKeys() {
		return List.of(this.flags, this.segments, this.revision, this.marker, this.audit);
	}

}
