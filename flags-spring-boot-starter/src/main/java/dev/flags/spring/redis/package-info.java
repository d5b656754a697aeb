/**
 * The Redis {@link dev.flags.core.store.FlagStore}, for applications that run many instances:
 * definitions kept as the spec's JSON in Redis hashes, atomic versioned writes with an audit
 * stream, and change events over pub/sub.
 */
@NullMarked
package dev.flags.spring.redis;

import org.jspecify.annotations.NullMarked;
