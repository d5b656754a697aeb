package dev.flags.spring.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Lettuce connection factories for tests, one per simulated application instance, that try to
 * reconnect at a steady pace (Lettuce's default backs off to 30 seconds between attempts).
 */
final class RedisConnections implements AutoCloseable {

	// Generous: the machines that run the tests may be busy. Tests of the timeout pass their own.
	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

	private final ClientResources resources = ClientResources.builder()
		.ioThreadPoolSize(2)
		.computationThreadPoolSize(2)
		.reconnectDelay(Delay.constant(Duration.ofMillis(50)))
		.build();

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	/**
	 * A factory whose commands wait for a lost connection to come back, up to the timeout.
	 * @param port the server's port
	 * @return the started factory
	 */
	LettuceConnectionFactory connect(int port) {
		return connect(port, COMMAND_TIMEOUT);
	}

	/**
	 * A factory whose commands wait for a lost connection to come back, up to the given timeout.
	 * @param port the server's port
	 * @param commandTimeout how long a command may take
	 * @return the started factory
	 */
	LettuceConnectionFactory connect(int port, Duration commandTimeout) {
		return connect(port, ClientOptions.builder().build(), commandTimeout);
	}

	/**
	 * A factory whose commands fail at once while its connection is lost.
	 * @param port the server's port
	 * @return the started factory
	 */
	LettuceConnectionFactory connectFailingFast(int port) {
		return connect(port,
				ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build(),
				COMMAND_TIMEOUT);
	}

	private LettuceConnectionFactory connect(int port, ClientOptions options, Duration commandTimeout) {
		LettuceClientConfiguration configuration = LettuceClientConfiguration.builder()
			.clientResources(this.resources)
			.clientOptions(options)
			.commandTimeout(commandTimeout)
			.shutdownQuietPeriod(Duration.ZERO)
			.shutdownTimeout(Duration.ZERO)
			.build();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port), configuration);
		factory.afterPropertiesSet();
		this.factories.add(factory);
		return factory;
	}

	@Override
	public void close() {
		this.factories.forEach(LettuceConnectionFactory::destroy);
		this.resources.shutdown(0, 0, TimeUnit.MILLISECONDS);
	}

}
