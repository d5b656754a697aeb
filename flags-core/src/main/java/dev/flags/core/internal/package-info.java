/**
 * Helpers shared by the engine's packages; not an API, and may change in any release.
 */
@NullMarked
package dev.flags.core.internal;

import org.jspecify.annotations.NullMarked;
