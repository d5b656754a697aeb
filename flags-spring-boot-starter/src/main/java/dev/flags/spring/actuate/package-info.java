/**
 * Actuator support for flags: the {@code flags} endpoint, the {@code flags} health indicator
 * and Micrometer metrics.
 */
@NullMarked
package dev.flags.spring.actuate;

import org.jspecify.annotations.NullMarked;
