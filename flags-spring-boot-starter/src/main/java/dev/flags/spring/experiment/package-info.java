/**
 * Experiments in Spring applications: exposure events for the units the variant bucket
 * randomised ({@link dev.flags.spring.experiment.ExposureTracker}), metric events attributed to
 * the variant each user was exposed to ({@link dev.flags.spring.experiment.ConversionTracker}),
 * the Redis results store, and the analysis of each experiment
 * ({@link dev.flags.spring.experiment.Experiments}) served by the {@code experiments} actuator
 * endpoint.
 */
@NullMarked
package dev.flags.spring.experiment;

import org.jspecify.annotations.NullMarked;
