package dev.flags.spring.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStoreException;
import dev.flags.core.store.StoreChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.data.redis.connection.RedisConnectionFactory;

import static dev.flags.spring.redis.RedisFlagStoreTests.awaitChange;
import static dev.flags.spring.redis.RedisFlagStoreTests.flag;
import static dev.flags.spring.redis.RedisFlagStoreTests.listen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RedisFlagStore} when its Redis server is killed, restarted, or comes back
 * empty. Each test has a server of its own.
 */
@Timeout(60)
class RedisFlagStoreFaultTests {

	private static final Definitions DOCUMENT = Definitions.of(List.of(flag("checkout").withVersion(3L)), List.of());

	private RedisServer server;

	private RedisConnections connections;

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@BeforeEach
	void startServer() {
		this.server = RedisServer.start();
		this.connections = new RedisConnections();
	}

	@AfterEach
	void stopServer() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
		this.connections.close();
		this.server.close();
	}

	@Test
	void whileRedisIsDownEveryOperationFailsAndTheRegistryKeepsServing() {
		RedisFlagStore a = store(this.connections.connectFailingFast(this.server.port()));
		RedisFlagStore waiting = store(this.connections.connect(this.server.port(), Duration.ofSeconds(2)));
		a.seedIfEmpty(DOCUMENT);
		FlagRegistry registry = registry(a);
		waiting.revision();
		this.server.kill();
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(a::load)
			.withMessageContaining("Could not load the flag definitions in Redis");
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(a::revision);
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(() -> a.save(flag("checkout"), 3));
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(() -> a.delete("checkout", 3));
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(() -> a.restore(DOCUMENT));
		// Without REJECT_COMMANDS, a command waits for the connection up to the command timeout.
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(waiting::load)
			.withMessageContaining("timed out");
		assertThat(registry.refresh()).isFalse();
		assertThat(registry.snapshot().keys()).containsExactly("checkout");
		assertThat(registry.status().healthy()).isFalse();
	}

	@Test
	void afterARestartTheStoreSubscribesAgainAndHearsLaterWrites() throws Exception {
		RedisFlagStore a = store(this.connections.connect(this.server.port()));
		RedisFlagStore b = store(this.connections.connect(this.server.port()));
		BlockingQueue<StoreChange> heardByB = listen(b);
		a.seedIfEmpty(DOCUMENT);
		// Events arrive in order: once this one is heard, all before it were, and the queue is quiet.
		a.save(flag("before-restart"), 0);
		awaitChange(heardByB, StoreChange.Type.SAVED, "before-restart");
		heardByB.clear();
		this.server.stop();
		this.server.restart();
		// On subscribing again, B tells its listeners to catch up on what they may have missed.
		StoreChange caughtUp = awaitChange(heardByB, StoreChange.Type.EXTERNAL, null);
		assertThat(caughtUp.revision()).isEqualTo(a.revision());
		Flag saved = a.save(flag("checkout"), 3);
		assertThat(awaitChange(heardByB, StoreChange.Type.SAVED, "checkout").revision()).isEqualTo(a.revision());
		assertThat(b.load().flag("checkout")).contains(saved);
	}

	@Test
	void redisRestartedEmptyIsLostDataNotAnEmptyDocumentUntilRestored() throws Exception {
		RedisFlagStore a = store(this.connections.connect(this.server.port()));
		RedisFlagStore b = store(this.connections.connect(this.server.port()));
		a.seedIfEmpty(DOCUMENT);
		BlockingQueue<StoreChange> heardByB = listen(b);
		// B's first subscription makes it catch up; once that is heard, no read of B is in flight.
		awaitChange(heardByB, StoreChange.Type.EXTERNAL, null);
		FlagRegistry registry = registry(b);
		long revisionBefore = b.revision();
		this.server.kill();
		this.server.restart();
		StoreChange error = awaitChange(heardByB, StoreChange.Type.ERROR, null);
		assertThat(error.error()).isInstanceOf(FlagStoreDataLostException.class);
		assertThatExceptionOfType(FlagStoreDataLostException.class).isThrownBy(b::load)
			.withMessageContaining("lost its data");
		assertThatExceptionOfType(FlagStoreDataLostException.class).isThrownBy(b::revision);
		assertThatExceptionOfType(FlagStoreDataLostException.class).isThrownBy(() -> a.save(flag("checkout"), 3));
		assertThat(registry.refresh()).isFalse();
		assertThat(registry.snapshot().keys()).containsExactly("checkout");
		assertThat(registry.status().lastError()).contains("lost its data");

		CountDownLatch reloaded = new CountDownLatch(1);
		registry.onSnapshot((snapshot) -> reloaded.countDown());
		a.restore(registry.snapshot().definitions());
		awaitChange(heardByB, StoreChange.Type.EXTERNAL, null);
		// Listeners are told in turn: wait for the registry's own reload, not just the event.
		assertThat(reloaded.await(10, TimeUnit.SECONDS)).as("registry reloaded after the restore").isTrue();
		assertThat(b.load()).isEqualTo(DOCUMENT);
		assertThat(b.revision()).isGreaterThan(revisionBefore);
		assertThat(registry.status().healthy()).isTrue();
		assertThat(registry.status().revision()).isEqualTo(b.revision());
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(() -> b.restore(DOCUMENT))
			.withMessageContaining("Refusing to restore");
		// Versions survive the restore, so writers that read before the loss carry on.
		assertThat(a.save(flag("checkout"), 3).version()).isEqualTo(4L);
	}

	@Test
	void aStoreCreatedWhileRedisIsDownSubscribesOnceItIsBack() throws Exception {
		this.server.kill();
		RedisFlagStore late = store(this.connections.connect(this.server.port()));
		BlockingQueue<StoreChange> heard = listen(late);
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(late::load)
			.withMessageContaining("Could not load");
		this.server.restart();
		RedisFlagStore a = store(this.connections.connect(this.server.port()));
		a.seedIfEmpty(DOCUMENT);
		// The first successful read subscribes.
		assertThat(late.revision()).isEqualTo(a.revision());
		awaitChange(heard, StoreChange.Type.EXTERNAL, null);
		a.save(flag("checkout"), 3);
		awaitChange(heard, StoreChange.Type.SAVED, "checkout");
	}

	private RedisFlagStore store(RedisConnectionFactory factory) {
		RedisFlagStore store = new RedisFlagStore(factory, RedisFlagStoreOptions.defaults());
		this.closeables.add(store);
		return store;
	}

	private FlagRegistry registry(RedisFlagStore store) {
		FlagRegistry registry = new FlagRegistry(store);
		this.closeables.add(registry);
		return registry;
	}

}
