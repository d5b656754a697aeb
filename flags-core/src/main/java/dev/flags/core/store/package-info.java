/**
 * Where definitions live: the store SPI with an in-memory and a file implementation.
 */
@NullMarked
package dev.flags.core.store;

import org.jspecify.annotations.NullMarked;
