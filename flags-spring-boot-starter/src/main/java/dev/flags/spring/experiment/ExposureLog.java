package dev.flags.spring.experiment;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs each {@link ExposureEvent} at debug level to the logger
 * {@value #LOGGER}, one line of {@code key=value} pairs, for log-based pipelines. Set
 * {@code logging.level.dev.flags.spring.experiment.exposures=debug} to see them.
 */
public final class ExposureLog implements ExposureListener {

	/** The logger's name. */
	public static final String LOGGER = "dev.flags.spring.experiment.exposures";

	private static final Log logger = LogFactory.getLog(LOGGER);

	@Override
	public void onExposure(ExposureEvent event) {
		if (logger.isDebugEnabled()) {
			logger.debug("exposure experiment=" + event.experiment() + " variant=" + event.variant() + " unit="
					+ event.unit() + " reason=" + event.reason() + " time=" + event.timestamp());
		}
	}

}
