package dev.flags.spring.experiment;

/**
 * Told of each {@link ExposureEvent}. Declare beans of this type to forward exposures to an
 * analytics pipeline; the starter also publishes each one as a Spring application event, logs it
 * at debug level (logger {@code dev.flags.spring.experiment.exposures}), and counts it in
 * Micrometer when there is a meter registry.
 * <p>
 * Listeners are called on the thread that evaluated the flag, once per unit and experiment per
 * instance: they must be quick and must not block (hand the event to a queue). A listener that
 * throws is ignored.
 */
@FunctionalInterface
public interface ExposureListener {

	/**
	 * Called with an exposure.
	 * @param event the exposure
	 */
	void onExposure(ExposureEvent event);

}
