/**
 * The Spring API of flags: {@link dev.flags.spring.FlagService}, the
 * {@link dev.flags.spring.FeatureFlag} annotation and the context SPI.
 */
@NullMarked
package dev.flags.spring;

import org.jspecify.annotations.NullMarked;
