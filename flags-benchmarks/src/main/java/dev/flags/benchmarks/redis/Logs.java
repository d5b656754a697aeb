package dev.flags.benchmarks.redis;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the benchmarks' logging to warnings: without a configuration, Logback logs every Lettuce
 * and Netty debug message, which would cost the measured threads time.
 */
final class Logs {

	private Logs() {
	}

	static void warningsOnly() {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
	}

}
