package dev.flags.spring.autoconfigure;

import java.time.Duration;

import dev.flags.core.model.Definitions;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.redis.FlagStoreDataLostException;
import dev.flags.spring.redis.RedisFlagStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One periodic refresh of a registry on the auto-configured Redis store, and what follows when
 * the store fails. Failures and recoveries are logged as they happen (the registry's status says
 * the same at any time). A store that lost its data is initialised again: an instance that has
 * loaded the store restores it from the flags it serves, when
 * {@code flags.store.redis.restore-on-data-loss} allows; one that has only served its configured
 * definitions seeds it from them, when {@code flags.store.redis.seed} allows. Neither ever writes
 * over data, so of instances racing to do it exactly one wins and the others load its document.
 * <p>
 * Runs on the refresher's thread only.
 */
final class RedisStoreRecovery implements Runnable {

	private static final Log logger = LogFactory.getLog(RedisStoreRecovery.class);

	private final FlagRegistry registry;

	private final RedisFlagStore store;

	private final Definitions configured;

	private final boolean seed;

	private final boolean restoreOnDataLoss;

	private boolean failing;

	private boolean lossReported;

	RedisStoreRecovery(FlagRegistry registry, RedisFlagStore store, Definitions configured,
			FlagsProperties.Redis properties) {
		this.registry = registry;
		this.store = store;
		this.configured = configured;
		this.seed = properties.isSeed();
		this.restoreOnDataLoss = properties.isRestoreOnDataLoss();
		// A failure at start-up has been logged when the registry was created.
		this.failing = !registry.status().healthy();
	}

	/**
	 * Seeds the store from the configured definitions when it holds nothing. Never throws: when
	 * Redis cannot be reached, a later refresh tries again.
	 * @param store the store
	 * @param configured the configured definitions
	 */
	static void seed(RedisFlagStore store, Definitions configured) {
		try {
			store.seedIfEmpty(configured);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not seed the Redis flag store from the configured definitions; trying again at the "
					+ "next refresh: " + ex.getMessage());
		}
	}

	@Override
	public void run() {
		this.registry.refresh();
		FlagRegistry.Status status = this.registry.status();
		if (status.healthy()) {
			if (this.failing) {
				logger.info("The Redis flag store answers again: serving its " + status.flags()
						+ " flag(s) at revision " + status.revision());
			}
			this.failing = false;
			this.lossReported = false;
			return;
		}
		if (!this.failing) {
			this.failing = true;
			logger.warn("The Redis flag store failed; serving the " + status.flags() + " flag(s) "
					+ describeAge(status.age()) + " until it answers: " + status.lastError());
		}
		if (probe() instanceof FlagStoreDataLostException) {
			initialise(status);
		}
	}

	private void initialise(FlagRegistry.Status status) {
		if (status.lastSuccess() == null) {
			// Nothing was ever loaded from the store here: the snapshot is the configured definitions.
			if (this.seed) {
				seed(this.store, this.configured);
				this.registry.refresh();
			}
			else {
				reportLossOnce("The Redis flag store holds nothing (its marker key is missing): serving the "
						+ status.flags() + " configured flag(s) until it is initialised. Set "
						+ "flags.store.redis.seed=true to initialise it from them, or restore it from a known good "
						+ "document");
			}
			return;
		}
		if (!this.restoreOnDataLoss) {
			reportLossOnce("The Redis flag store lost its data; keeping the " + status.flags()
					+ " flag(s) loaded before until it is restored (flags.store.redis.restore-on-data-loss is off)");
			return;
		}
		try {
			this.store.restore(this.registry.snapshot().definitions());
		}
		catch (RuntimeException ex) {
			RuntimeException now = probe();
			if (now == null) {
				logger.info("Not restoring the Redis flag store: it holds data again, restored by another instance");
			}
			else {
				logger.warn("Could not restore the Redis flag store; trying again at the next refresh: "
						+ ex.getMessage());
			}
		}
		this.registry.refresh();
	}

	/** What reading the store's revision throws now, or null when it answers. */
	private @Nullable RuntimeException probe() {
		try {
			this.store.revision();
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private void reportLossOnce(String message) {
		if (!this.lossReported) {
			this.lossReported = true;
			logger.warn(message);
		}
	}

	private static String describeAge(@Nullable Duration age) {
		return (age != null) ? "it last gave, " + age.toMillis() + " ms ago," : "configured, as it was never read";
	}

}
