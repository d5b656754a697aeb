package dev.flags.spring.autoconfigure;

import dev.flags.spring.redis.RedisFlagStore;

import org.springframework.context.SmartLifecycle;

/**
 * Stops the refresh and closes the Redis store's subscription as the application context stops,
 * before the connection factory they use stops (in phase 0) and closes their connections under
 * them. Both are closed again, harmlessly, when their beans are destroyed; a context stopped this
 * way is not meant to be started again.
 */
final class RedisStoreLifecycle implements SmartLifecycle {

	// Above the connection factory's phase, below the web server's: stopped after requests end.
	private static final int PHASE = 1;

	private final FlagRegistryRefresher refresher;

	private final RedisFlagStore store;

	private volatile boolean running;

	RedisStoreLifecycle(FlagRegistryRefresher refresher, RedisFlagStore store) {
		this.refresher = refresher;
		this.store = store;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.refresher.close();
		this.store.close();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
