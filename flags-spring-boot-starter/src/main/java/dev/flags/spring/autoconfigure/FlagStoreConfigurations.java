package dev.flags.spring.autoconfigure;

import dev.flags.core.model.Definitions;
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(FlagStore.class)
	@ConditionalOnFlagStoreType(FlagStoreType.FILE)
	static final class FileStoreConfiguration {

		@Bean
		FlagStore flagStore() {
			throw new InvalidConfigurationPropertyValueException("flags.store.type", "file",
					"No file store is available in this version. Use 'memory', or declare a FlagStore bean.");
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
