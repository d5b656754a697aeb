package dev.flags.spring.experiment;

import java.time.Instant;

import dev.flags.core.model.Reason;
import org.jspecify.annotations.Nullable;

/**
 * A unit was randomised into a variant of a flag and shown it: the first such evaluation this
 * instance saw for the flag and unit. Published as a Spring application event and given to every
 * {@link ExposureListener}, so it can be forwarded to an analytics pipeline.
 * <p>
 * Instances deduplicate with a bounded cache, so the same exposure may be announced again by
 * another instance, after a restart, or once the cache has evicted it: a pipeline that needs
 * exactly one record per user keeps the first per {@code (experiment, unit)}, as the results
 * store does.
 *
 * @param experiment the flag key
 * @param variant the variant the unit was assigned
 * @param unit the bucketing unit: the flag's {@code bucketBy} attribute, or the context key
 * @param contextKey the context key, which differs from the unit when the flag buckets by
 * another attribute; null for an anonymous context
 * @param reason {@link Reason#ROLLOUT}, or {@link Reason#RULE_MATCH} for a rule that rolls out
 * @param rule the index of the deciding rule, or null
 * @param timestamp when the evaluation was made
 */
public record ExposureEvent(String experiment, String variant, String unit, @Nullable String contextKey,
		Reason reason, @Nullable Integer rule, Instant timestamp) {

}
