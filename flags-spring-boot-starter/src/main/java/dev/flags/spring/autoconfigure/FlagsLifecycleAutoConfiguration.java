package dev.flags.spring.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import dev.flags.core.lifecycle.ExperimentConclusions;
import dev.flags.core.lifecycle.FlagUsage;
import dev.flags.core.lifecycle.LifecycleInspector;
import dev.flags.core.lifecycle.StaleFlagRules;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.FlagEvaluationListener;
import dev.flags.spring.actuate.StaleFlagMetrics;
import dev.flags.spring.lifecycle.FlagReferenceSource;
import dev.flags.spring.lifecycle.FlagUsageTicker;
import dev.flags.spring.lifecycle.LifecycleReporter;
import dev.flags.spring.lifecycle.LifecycleStartupCheck;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of
 * the flags' lifecycle: evaluations sampled through a {@link FlagEvaluationListener} into a
 * {@link FlagUsage}, the stale rules of {@code flags.lifecycle.*}, the {@link LifecycleReporter}
 * that the actuator endpoint and the {@value StaleFlagMetrics#STALE} gauge read, and a summary
 * logged at startup. An application's own {@link Clock} bean, when it has exactly one, dates the
 * reports. Off with {@code flags.lifecycle.enabled=false}.
 */
@AutoConfiguration(afterName = { "dev.flags.spring.autoconfigure.FlagsAutoConfiguration",
		"dev.flags.spring.autoconfigure.FlagsExperimentsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBean(FlagRegistry.class)
@ConditionalOnBooleanProperty(name = "flags.lifecycle.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FlagsProperties.class)
public final class FlagsLifecycleAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FlagUsage flagUsage(ObjectProvider<Clock> clock) {
		return new FlagUsage(clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	FlagUsageTicker flagUsageTicker(FlagUsage flagUsage) {
		return new FlagUsageTicker(flagUsage);
	}

	@Bean
	FlagEvaluationListener flagUsageListener(FlagUsage flagUsage) {
		return (key, evaluation) -> flagUsage.recordEvaluation(key);
	}

	@Bean
	@ConditionalOnMissingBean
	ExperimentConclusions experimentConclusions() {
		return ExperimentConclusions.none();
	}

	@Bean
	@ConditionalOnMissingBean
	LifecycleInspector flagLifecycleInspector(FlagsProperties properties, FlagUsage flagUsage,
			ExperimentConclusions experimentConclusions, ObjectProvider<Clock> clock) {
		FlagsProperties.Lifecycle lifecycle = properties.getLifecycle();
		StaleFlagRules rules = new StaleFlagRules(positive(lifecycle.getStaleAfter(), "stale-after"),
				positive(lifecycle.getUnusedAfter(), "unused-after"));
		return new LifecycleInspector(rules, clock.getIfUnique(Clock::systemUTC), flagUsage, experimentConclusions);
	}

	@Bean
	@ConditionalOnMissingBean
	LifecycleReporter flagLifecycleReporter(FlagRegistry flagRegistry, LifecycleInspector flagLifecycleInspector,
			ObjectProvider<FlagReferenceSource> flagReferenceSources) {
		return new LifecycleReporter(flagRegistry, flagLifecycleInspector, () -> flagReferenceSources.orderedStream()
			.flatMap((source) -> source.flagReferences().stream())
			.toList());
	}

	@Bean
	LifecycleStartupCheck flagLifecycleStartupCheck(LifecycleReporter flagLifecycleReporter,
			FlagsProperties properties) {
		return new LifecycleStartupCheck(flagLifecycleReporter,
				properties.getLifecycle().isFailOnUndefinedReferences());
	}

	private static Duration positive(Duration threshold, String property) {
		if (threshold.isNegative() || threshold.isZero()) {
			throw new InvalidConfigurationPropertyValueException("flags.lifecycle." + property, threshold, "The threshold must be positive.");
		}
		return threshold;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static final class StaleFlagMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StaleFlagMetrics staleFlagMetrics(LifecycleReporter flagLifecycleReporter) {
			return new StaleFlagMetrics(flagLifecycleReporter::report);
		}

	}

}
