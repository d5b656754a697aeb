package dev.flags.spring.actuate;

import dev.flags.core.lifecycle.StaleFlag;

/**
 * A flag due for removal, in the {@code stale} section of the {@code flags} endpoint.
 *
 * @param key the flag key
 * @param kind its kind: {@code release} or {@code experiment}
 * @param reason {@code NOT_EVALUATED}, {@code CONCLUDED}, {@code FULLY_ON}, {@code FULLY_OFF} or
 * {@code EXPIRED}: the first that applies
 * @param description every reason that applies, in plain words
 * @param action what to do about it
 */
public record StaleFlagDescriptor(String key, String kind, String reason, String description, String action) {

	static StaleFlagDescriptor of(StaleFlag stale) {
		return new StaleFlagDescriptor(stale.key(), stale.kind().json(), stale.reason().name(), stale.description(),
				stale.action());
	}

}
