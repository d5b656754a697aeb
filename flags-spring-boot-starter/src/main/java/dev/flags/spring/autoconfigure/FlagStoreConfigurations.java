package dev.flags.spring.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.flags.core.model.Definitions;
import dev.flags.core.store.FileFlagStore;
import dev.flags.core.store.FlagStore;
import dev.flags.core.store.InMemoryFlagStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stores {@code flags.store.type} chooses from, imported in the order {@code auto} prefers
 * them. Each backs off when the application declares its own {@link FlagStore}.
 */
final class FlagStoreConfigurations {

	private static final Log logger = LogFactory.getLog(FlagStoreConfigurations.class);

	private FlagStoreConfigurations() {
	}

	/**
	 * Explains a Redis store chosen without what it needs on the class path; imported after
	 * {@link RedisStoreConfiguration}, which otherwise provides the store.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(FlagStore.class)
	@ConditionalOnFlagStoreType(FlagStoreType.REDIS)
	static final class RedisUnavailableConfiguration {

		@Bean
		FlagStore flagStore() {
			throw new InvalidConfigurationPropertyValueException("flags.store.type", "redis",
					"The Redis store needs Spring Data Redis and Lettuce on the class path: add "
							+ "spring-boot-starter-data-redis to the application.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(FlagStore.class)
	@ConditionalOnFlagStoreType(value = FlagStoreType.FILE, matchIfAuto = true)
	static final class FileStoreConfiguration {

		@Bean
		FileFlagStore flagStore(FlagsProperties properties) {
			FlagsProperties.File file = properties.getStore().getFile();
			Path path = file.getPath();
			if (path == null) {
				throw new InvalidConfigurationPropertyValueException("flags.store.file.path", "",
						"The file store needs the path of its definitions file.");
			}
			Definitions seed = ConfiguredDefinitions.load(properties);
			boolean exists = Files.exists(path);
			FileFlagStore store = new FileFlagStore(path, seed, properties.getAudit().getSystemActor());
			if (exists) {
				logger.info("File flag store at " + path.toAbsolutePath() + ": " + store.load().flags().size()
						+ " flag(s) from the file; definitions in configuration only seed a missing file");
			}
			else {
				logger.info("File flag store at " + path.toAbsolutePath() + " seeded from configuration with "
						+ seed.flags().size() + " flag(s); the file is written on the first change");
			}
			return file.isWatch() ? store.watch() : store;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(FlagStore.class)
	@ConditionalOnFlagStoreType(value = FlagStoreType.MEMORY, matchIfAuto = true)
	static final class InMemoryStoreConfiguration {

		@Bean
		InMemoryFlagStore flagStore(FlagsProperties properties) {
			Definitions definitions = ConfiguredDefinitions.load(properties);
			logger.info("In-memory flag store loaded from configuration: " + definitions.flags().size() + " flag(s), "
					+ definitions.segments().size() + " segment(s)");
			return new InMemoryFlagStore(definitions);
		}

	}

}
