package dev.flags.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flags.core.experiment.FileResultsStore;
import dev.flags.core.experiment.InMemoryResultsStore;
import dev.flags.core.experiment.Metric;
import dev.flags.core.experiment.ResultsStore;
import dev.flags.core.experiment.Status;
import dev.flags.core.lifecycle.ExperimentConclusions;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.experiment.ConversionTracker;
import dev.flags.spring.experiment.ExperimentReport;
import dev.flags.spring.experiment.ExperimentSettings;
import dev.flags.spring.experiment.Experiments;
import dev.flags.spring.experiment.ExposureEventPublisher;
import dev.flags.spring.experiment.ExposureListener;
import dev.flags.spring.experiment.ExposureLog;
import dev.flags.spring.experiment.ExposureMetrics;
import dev.flags.spring.experiment.ExposureTracker;
import dev.flags.spring.experiment.RedisResultsStore;
import dev.flags.spring.experiment.ResultsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration of experiments: the {@link ResultsStore} chosen by
 * {@code flags.experiments.results.store}, the {@link ExposureTracker} that turns decisions into
 * exposures (a Spring event, a debug log line and a Micrometer counter by default), the
 * {@link ConversionTracker} behind {@code FlagService.track}, and the {@link Experiments} that
 * analyse them. Every bean backs off when the application declares its own; set
 * {@code flags.experiments.enabled=false} to turn it all off.
 */
@AutoConfiguration(after = FlagsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBooleanProperty(name = "flags.experiments.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ExperimentsProperties.class)
public final class FlagsExperimentsAutoConfiguration {

	private static final Log logger = LogFactory.getLog(FlagsExperimentsAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	ResultsStore resultsStore(ExperimentsProperties properties) {
		ExperimentsProperties.Results results = properties.getResults();
		Path path = results.getFile().getPath();
		ResultsStoreType type = results.getStore();
		if (type == ResultsStoreType.REDIS) {
			throw new InvalidConfigurationPropertyValueException("flags.experiments.results.store", "redis",
					"The Redis results store needs a RedisConnectionFactory bean: add spring-boot-starter-data-redis "
							+ "and configure spring.data.redis.*");
		}
		if (type == ResultsStoreType.FILE || (type == ResultsStoreType.AUTO && path != null)) {
			if (path == null) {
				throw new InvalidConfigurationPropertyValueException("flags.experiments.results.file.path", "",
						"The file results store needs the path of its file.");
			}
			FileResultsStore store = new FileResultsStore(path, results.getFile().getFlushInterval());
			logger.info("Experiment results kept in " + store.file() + ", written every "
					+ results.getFile().getFlushInterval() + " and on shutdown");
			return store;
		}
		return new InMemoryResultsStore();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ResultsRecorder resultsRecorder(ResultsStore resultsStore, ExperimentsProperties properties) {
		if (resultsStore instanceof InMemoryResultsStore || resultsStore instanceof FileResultsStore) {
			return ResultsRecorder.direct(resultsStore);
		}
		return ResultsRecorder.queued(resultsStore, properties.getResults().getRedis().getQueueCapacity());
	}

	@Bean
	@ConditionalOnMissingBean
	ExposureTracker exposureTracker(ObjectProvider<ExposureListener> exposureListeners,
			ResultsRecorder resultsRecorder, ExperimentsProperties properties) {
		return new ExposureTracker(exposureListeners.orderedStream().toList(), resultsRecorder,
				properties.getExposureCacheSize(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	ExposureEventPublisher exposureEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		return new ExposureEventPublisher(applicationEventPublisher);
	}

	@Bean
	@ConditionalOnMissingBean
	ExposureLog exposureLog() {
		return new ExposureLog();
	}

	@Bean
	@ConditionalOnMissingBean
	ConversionTracker conversionTracker(ResultsRecorder resultsRecorder, ExperimentsProperties properties) {
		return new ConversionTracker(settings(properties), resultsRecorder);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(FlagRegistry.class)
	Experiments experiments(FlagRegistry flagRegistry, ResultsStore resultsStore, ExperimentsProperties properties) {
		return new Experiments(flagRegistry::snapshot, resultsStore, settings(properties), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Experiments.class)
	ExperimentConclusions experimentConclusions(Experiments experiments) {
		// The lifecycle report asks on demand (endpoint, gauge, start-up), never on the hot path.
		return (flagKey) -> experiments.report(flagKey)
			.filter((report) -> report.status() == Status.VARIANT_WINS || report.status() == Status.NO_DIFFERENCE)
			.map(ExperimentReport::explanation)
			.orElse(null);
	}

	static Map<String, ExperimentSettings> settings(ExperimentsProperties properties) {
		Map<String, ExperimentSettings> settings = new LinkedHashMap<>();
		properties.getDesigns().forEach((key, design) -> {
			String prefix = "flags.experiments.designs[" + key + "]";
			List<Metric> metrics = new ArrayList<>();
			design.getMetrics().forEach((name, metric) -> {
				try {
					metrics.add(new Metric(name, metric.getKind(), metric.getMinimumDetectableEffect(), metric.getGoal()));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidConfigurationPropertyValueException(
							prefix + ".metrics[" + name + "].minimum-detectable-effect",
							metric.getMinimumDetectableEffect(), ex.getMessage());
				}
			});
			try {
				settings.put(key, new ExperimentSettings(design.getControl(), metrics, design.getAlpha(),
						design.getPower(), design.getTuningSampleSize(), design.getMethod()));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(prefix + ".metrics", design.getMetrics().keySet(),
						ex.getMessage());
			}
		});
		return settings;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnProperty(name = "flags.experiments.results.store", havingValue = "redis")
	@ConditionalOnBean(RedisConnectionFactory.class)
	static final class RedisResultsStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ResultsStore resultsStore(RedisConnectionFactory redisConnectionFactory, ExperimentsProperties properties) {
			return new RedisResultsStore(redisConnectionFactory, properties.getResults().getRedis().getKeyPrefix());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static final class ExposureMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ExposureMetrics exposureMetrics(MeterRegistry meterRegistry) {
			return new ExposureMetrics(meterRegistry);
		}

	}

}
