/**
 * The lifecycle of flags: what state each is in and since when, when it was last evaluated, and
 * which temporary flags are due for removal and why.
 */
@NullMarked
package dev.flags.core.lifecycle;

import org.jspecify.annotations.NullMarked;
