package dev.flags.benchmarks.redis;

import java.time.Duration;

import dev.flags.core.model.Definitions;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.redis.RedisFlagStore;
import dev.flags.spring.redis.RedisFlagStoreOptions;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * What one application instance on the Redis store holds, built as the starter builds it: a
 * Lettuce connection factory of its own, the store, and the registry decisions are read from.
 */
final class RedisInstance implements AutoCloseable {

	private final LettuceConnectionFactory connectionFactory;

	private final RedisFlagStore store;

	private final FlagRegistry registry;

	private RedisInstance(LettuceConnectionFactory connectionFactory, RedisFlagStore store, FlagRegistry registry) {
		this.connectionFactory = connectionFactory;
		this.store = store;
		this.registry = registry;
	}

	/**
	 * Connects an instance, seeding the store with the document when it is empty.
	 * @param port the Redis server's port
	 * @param document the document to seed an empty store with
	 * @return the instance, its registry loaded
	 */
	static RedisInstance connect(int port, Definitions document) {
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		connectionFactory.afterPropertiesSet();
		RedisFlagStore store = new RedisFlagStore(connectionFactory, RedisFlagStoreOptions.defaults());
		store.seedIfEmpty(document);
		return new RedisInstance(connectionFactory, store, new FlagRegistry(store));
	}

	FlagRegistry registry() {
		return this.registry;
	}

	@Override
	public void close() {
		this.registry.close();
		this.store.close();
		this.connectionFactory.destroy();
	}

}
