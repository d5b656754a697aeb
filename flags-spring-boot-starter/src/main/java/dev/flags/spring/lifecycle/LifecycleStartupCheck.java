package dev.flags.spring.lifecycle;

import dev.flags.core.lifecycle.LifecycleReport;
import dev.flags.core.registry.FlagRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Once every singleton exists, and so every {@link dev.flags.spring.FeatureFlag @FeatureFlag}
 * bean has been scanned, logs one summary of the flags' lifecycle: at INFO when all is well, at
 * WARN when a flag is stale or a referenced flag is not defined. With {@code failOnUndefined},
 * a reference to an undefined flag stops the application instead.
 */
public final class LifecycleStartupCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(LifecycleStartupCheck.class);

	private final LifecycleReporter reporter;

	private final boolean failOnUndefined;

	/**
	 * Creates the check.
	 * @param reporter reports on the flags' lifecycle
	 * @param failOnUndefined whether a reference to an undefined flag stops the application
	 */
	public LifecycleStartupCheck(LifecycleReporter reporter, boolean failOnUndefined) {
		this.reporter = reporter;
		this.failOnUndefined = failOnUndefined;
	}

	@Override
	public void afterSingletonsInstantiated() {
		FlagRegistry.Status status = this.reporter.registry().status();
		if (!status.healthy()) {
			// Flags served from a bootstrap document or none at all: every reference would look undefined.
			logger.warn("Flag lifecycle not checked: the flags could not be loaded from the store ("
					+ status.lastError() + ")");
			return;
		}
		LifecycleReport report = this.reporter.report();
		String summary = LifecycleSummary.of(report);
		if (report.hasFindings()) {
			logger.warn(summary);
		}
		else if (logger.isInfoEnabled()) {
			logger.info(summary);
		}
		if (this.failOnUndefined && !report.undefined().isEmpty()) {
			throw new UndefinedFlagReferencesException(report.undefined());
		}
	}

}
