/**
 * The registry that holds the current immutable snapshot and keeps it in step with a store.
 */
@NullMarked
package dev.flags.core.registry;

import org.jspecify.annotations.NullMarked;
