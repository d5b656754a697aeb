/**
 * Gating of methods annotated with {@link dev.flags.spring.FeatureFlag @FeatureFlag}: a Spring AOP
 * advisor (no AspectJ weaver needed), the check of every annotated bean at creation, and their
 * auto-configuration.
 */
@NullMarked
package dev.flags.spring.aop;

import org.jspecify.annotations.NullMarked;
