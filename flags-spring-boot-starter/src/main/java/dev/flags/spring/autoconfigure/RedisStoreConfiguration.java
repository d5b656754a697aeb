package dev.flags.spring.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import dev.flags.core.model.Definitions;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStore;
import dev.flags.spring.redis.RedisFlagStore;
import dev.flags.spring.redis.RedisFlagStoreOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The Redis store, chosen with {@code flags.store.type=redis}, on the application's
 * {@link RedisConnectionFactory} (standalone, Sentinel or Cluster, as {@code spring.data.redis.*}
 * configures it). Its registry starts from the configured definitions when the store cannot be
 * loaded at start-up, and its refresher tries the store again and initialises it anew when it lost
 * its data (see {@link RedisStoreRecovery}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "org.springframework.data.redis.connection.RedisConnectionFactory",
		"io.lettuce.core.RedisClient" })
@ConditionalOnMissingBean(FlagStore.class)
@ConditionalOnFlagStoreType(FlagStoreType.REDIS)
final class RedisStoreConfiguration {

	/** The refresh interval when {@code flags.refresh-interval} is not set. */
	static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(1);

	private static final Log logger = LogFactory.getLog(RedisStoreConfiguration.class);

	@Bean
	RedisFlagStore flagStore(ObjectProvider<RedisConnectionFactory> connectionFactory, FlagsProperties properties) {
		RedisConnectionFactory factory = connectionFactory.getIfAvailable();
		if (factory == null) {
			throw new InvalidConfigurationPropertyValueException("flags.store.type", "redis",
					"The Redis store needs a RedisConnectionFactory bean, which Spring Boot configures from "
							+ "'spring.data.redis.*' unless the application declares its own.");
		}
		return new RedisFlagStore(factory, options(properties.getStore().getRedis()));
	}

	@Bean
	@ConditionalOnMissingBean
	FlagRegistry flagRegistry(RedisFlagStore flagStore, FlagsProperties properties) {
		Definitions configured = ConfiguredDefinitions.load(properties);
		if (properties.getStore().getRedis().isSeed()) {
			RedisStoreRecovery.seed(flagStore, configured);
		}
		FlagRegistry registry = new FlagRegistry(flagStore, configured, Clock.systemUTC());
		FlagRegistry.Status status = registry.status();
		String prefix = flagStore.options().keyPrefix();
		if (status.healthy()) {
			logger.info("Redis flag store '" + prefix + "': " + status.flags() + " flag(s) at revision "
					+ status.revision());
		}
		else {
			logger.warn("The Redis flag store '" + prefix + "' could not be loaded at start-up; serving the "
					+ configured.flags().size() + " configured flag(s) until it can: " + status.lastError());
		}
		return registry;
	}

	@Bean
	@ConditionalOnMissingBean
	FlagRegistryRefresher flagRegistryRefresher(FlagRegistry flagRegistry, RedisFlagStore flagStore,
			FlagsProperties properties, Environment environment) {
		boolean intervalSet = Binder.get(environment).bind("flags.refresh-interval", Duration.class).isBound();
		Duration interval = intervalSet ? properties.getRefreshInterval() : DEFAULT_REFRESH_INTERVAL;
		if (interval.isZero() || interval.isNegative()) {
			logger.warn("flags.refresh-interval is off: the Redis flag store is not tried again after it failed, "
					+ "nor initialised again after it lost its data; only change events update the flags");
		}
		RedisStoreRecovery recovery = new RedisStoreRecovery(flagRegistry, flagStore,
				ConfiguredDefinitions.load(properties), properties.getStore().getRedis());
		return new FlagRegistryRefresher(interval, recovery);
	}

	@Bean
	RedisStoreLifecycle flagStoreLifecycle(FlagRegistryRefresher flagRegistryRefresher, RedisFlagStore flagStore) {
		return new RedisStoreLifecycle(flagRegistryRefresher, flagStore);
	}

	private static RedisFlagStoreOptions options(FlagsProperties.Redis redis) {
		RedisFlagStoreOptions options;
		try {
			options = RedisFlagStoreOptions.defaults().withKeyPrefix(redis.getKeyPrefix());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("flags.store.redis.key-prefix", redis.getKeyPrefix(),
					ex.getMessage());
		}
		try {
			return options.withAuditMaxLength(redis.getAuditMaxLength());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("flags.store.redis.audit-max-length",
					redis.getAuditMaxLength(), ex.getMessage());
		}
	}

}
