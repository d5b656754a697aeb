package dev.flags.spring.autoconfigure;

import dev.flags.core.model.FlagContext;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStore;
import dev.flags.spring.ConversionListener;
import dev.flags.spring.DefaultFlagService;
import dev.flags.spring.FlagContextProvider;
import dev.flags.spring.FlagEvaluationListener;
import dev.flags.spring.FlagService;
import dev.flags.spring.FlagSnapshotProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of flags: the {@link FlagStore} chosen by {@code flags.store.type}, the
 * {@link FlagRegistry} that holds the snapshot decisions are read from, its periodic refresh, and
 * the {@link FlagService}. Every bean backs off when the application declares its own. Runs after
 * Spring Boot's Redis auto-configuration, whose connection factory the Redis store uses.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@EnableConfigurationProperties(FlagsProperties.class)
@Import({ RedisStoreConfiguration.class, FlagStoreConfigurations.RedisUnavailableConfiguration.class,
		FlagStoreConfigurations.FileStoreConfiguration.class, FlagStoreConfigurations.InMemoryStoreConfiguration.class })
public final class FlagsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FlagRegistry flagRegistry(FlagStore flagStore) {
		return new FlagRegistry(flagStore);
	}

	@Bean
	@ConditionalOnMissingBean
	FlagRegistryRefresher flagRegistryRefresher(FlagRegistry flagRegistry, FlagsProperties properties) {
		return new FlagRegistryRefresher(flagRegistry, properties.getRefreshInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	FlagSnapshotProvider flagSnapshotProvider(FlagRegistry flagRegistry) {
		return flagRegistry::snapshot;
	}

	@Bean
	@ConditionalOnMissingBean
	FlagContextProvider flagContextProvider() {
		return FlagContext::anonymous;
	}

	@Bean
	@ConditionalOnMissingBean
	FlagService flagService(FlagSnapshotProvider flagSnapshotProvider, FlagContextProvider flagContextProvider,
			ObjectProvider<FlagEvaluationListener> flagEvaluationListeners,
			ObjectProvider<ConversionListener> conversionListeners) {
		return new DefaultFlagService(flagSnapshotProvider, flagContextProvider,
				flagEvaluationListeners.orderedStream().toList(), conversionListeners.orderedStream().toList());
	}

}
