package dev.flags.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStore;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.spring.FlagService;
import dev.flags.spring.redis.RedisFlagStore;
import dev.flags.spring.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Redis store of {@link FlagsAutoConfiguration}: when it is chosen, and how it is
 * built from Spring Boot's Redis connection. Each test uses a key prefix of its own on one
 * private Redis server.
 */
@Timeout(60)
class RedisStoreAutoConfigurationTests {

	private static final AtomicInteger prefixes = new AtomicInteger();

	private static RedisServer server;

	private final String prefix = "auto-" + prefixes.incrementAndGet();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, FlagsAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + server.port(),
				"spring.data.redis.timeout=2s", "spring.data.redis.lettuce.shutdown-timeout=0",
				"flags.store.redis.key-prefix=" + this.prefix);

	@BeforeAll
	static void startServer() {
		server = RedisServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void redisTypeBuildsTheStoreOnSpringBootsConnectionFactory() {
		this.contextRunner
			.withPropertyValues("flags.store.type=redis", "flags.store.redis.audit-max-length=500",
					"flags.store.redis.seed=true", "flags.definitions.flags.checkout.rollout=100")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisFlagStore.class).doesNotHaveBean(InMemoryFlagStore.class);
				RedisFlagStore store = context.getBean(RedisFlagStore.class);
				assertThat(store.options().keyPrefix()).isEqualTo(this.prefix);
				assertThat(store.options().auditMaxLength()).isEqualTo(500);
				FlagRegistry registry = context.getBean(FlagRegistry.class);
				assertThat(registry.store()).isSameAs(store);
				assertThat(registry.status().healthy()).isTrue();
				assertThat(context.getBean(FlagService.class).isEnabled("checkout", FlagContext.of("user-1"))).isTrue();
				StringRedisTemplate redis = new StringRedisTemplate(context.getBean(RedisConnectionFactory.class));
				assertThat(redis.opsForHash().keys("{" + this.prefix + "}:flags")).containsExactly("checkout");
			});
	}

	@Test
	void refreshAndSubscriptionStopBeforeTheConnectionFactoryDoes() {
		AtomicReference<FlagRegistryRefresher> refresher = new AtomicReference<>();
		AtomicReference<LettuceConnectionFactory> factory = new AtomicReference<>();
		this.contextRunner.withPropertyValues("flags.store.type=redis").run((context) -> {
			refresher.set(context.getBean(FlagRegistryRefresher.class));
			factory.set(context.getBean(LettuceConnectionFactory.class));
			assertThat(refresher.get().isRunning()).isTrue();
			RedisStoreLifecycle lifecycle = context.getBean(RedisStoreLifecycle.class);
			assertThat(lifecycle.isRunning()).isTrue();
			assertThat(lifecycle.getPhase()).isGreaterThan(factory.get().getPhase());
		});
		assertThat(refresher.get().isRunning()).isFalse();
		assertThat(factory.get().isRunning()).isFalse();
	}

	@Test
	void refreshIsShortByDefaultWithRedisAndFollowsTheProperty() {
		this.contextRunner.withPropertyValues("flags.store.type=redis")
			.run((context) -> assertThat(context.getBean(FlagRegistryRefresher.class).interval())
				.isEqualTo(RedisStoreConfiguration.DEFAULT_REFRESH_INTERVAL)
				.isLessThan(new FlagsProperties().getRefreshInterval()));
		this.contextRunner.withPropertyValues("flags.store.type=redis", "flags.refresh-interval=250ms")
			.run((context) -> assertThat(context.getBean(FlagRegistryRefresher.class).interval())
				.isEqualTo(Duration.ofMillis(250)));
	}

	@Test
	void seedingNeverWritesOverExistingData() {
		this.contextRunner
			.withPropertyValues("flags.store.type=redis", "flags.store.redis.seed=true",
					"flags.definitions.flags.checkout.rollout=100")
			.run((context) -> assertThat(context.getBean(FlagRegistry.class).status().healthy()).isTrue());
		this.contextRunner
			.withPropertyValues("flags.store.type=redis", "flags.store.redis.seed=true",
					"flags.definitions.flags.checkout.enabled=false", "flags.definitions.flags.other.rollout=100")
			.run((context) -> {
				FlagRegistry registry = context.getBean(FlagRegistry.class);
				assertThat(registry.status().healthy()).isTrue();
				assertThat(registry.snapshot().keys()).containsExactly("checkout");
				assertThat(registry.snapshot().flag("checkout").map(Flag::enabled)).contains(true);
			});
	}

	@Test
	void anUninitialisedStoreIsNotSeededUnlessAskedAndTheConfiguredDefinitionsAreServed() {
		this.contextRunner.withPropertyValues("flags.store.type=redis", "flags.definitions.flags.checkout.rollout=100")
			.run((context) -> {
				FlagRegistry registry = context.getBean(FlagRegistry.class);
				assertThat(registry.snapshot().keys()).containsExactly("checkout");
				FlagRegistry.Status status = registry.status();
				assertThat(status.healthy()).isFalse();
				assertThat(status.lastSuccess()).isNull();
				assertThat(status.lastError()).contains("marker key '{" + this.prefix + "}:marker' is missing");
				StringRedisTemplate redis = new StringRedisTemplate(context.getBean(RedisConnectionFactory.class));
				assertThat(redis.hasKey("{" + this.prefix + "}:marker")).isFalse();
				assertThat(redis.opsForHash().size("{" + this.prefix + "}:flags")).isZero();
			});
	}

	@Test
	void autoNeverChoosesRedisEvenWithAConnectionFactory() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RedisConnectionFactory.class)
				.hasSingleBean(InMemoryFlagStore.class)
				.doesNotHaveBean(RedisFlagStore.class);
			assertThat(context.getBean(FlagRegistryRefresher.class).interval())
				.isEqualTo(new FlagsProperties().getRefreshInterval());
		});
	}

	@Test
	void applicationsWithoutSpringDataRedisAreUnaffected() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis", "io.lettuce"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(InMemoryFlagStore.class));
	}

	@Test
	void redisTypeWithoutSpringDataRedisFailsWithAClearMessage() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis", "io.lettuce"))
			.withPropertyValues("flags.store.type=redis")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("flags.store.type")
					.hasMessageContaining("spring-boot-starter-data-redis");
			});
	}

	@Test
	void redisTypeWithoutAConnectionFactoryFailsWithAClearMessage() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FlagsAutoConfiguration.class))
			.withPropertyValues("flags.store.type=redis")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("needs a RedisConnectionFactory bean");
			});
	}

	@Test
	void invalidKeyPrefixFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("flags.store.type=redis", "flags.store.redis.key-prefix={shop}")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("flags.store.redis.key-prefix")
					.hasMessageContaining("must not be blank nor contain '{' or '}'");
			});
	}

	@Test
	void applicationStoreWinsOverTheRedisType() {
		InMemoryFlagStore store = new InMemoryFlagStore(
				Definitions.of(List.of(Flag.builder("mine").rollout(100).build()), List.of()));
		this.contextRunner.withPropertyValues("flags.store.type=redis")
			.withBean("myStore", FlagStore.class, () -> store)
			.run((context) -> {
				assertThat(context).hasSingleBean(FlagStore.class).doesNotHaveBean(RedisFlagStore.class);
				assertThat(context.getBean(FlagRegistry.class).store()).isSameAs(store);
			});
	}

}
