/**
 * Auto-configuration of flags: the store, the registry and its refresh, the
 * {@link dev.flags.spring.FlagService} and the request context of web applications.
 */
@NullMarked
package dev.flags.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
