package dev.flags.spring.experiment;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each {@link ExposureEvent} as a Spring application event, for
 * {@code @EventListener} methods.
 */
public final class ExposureEventPublisher implements ExposureListener {

	private final ApplicationEventPublisher publisher;

	/**
	 * Creates the publisher.
	 * @param publisher the application's event publisher
	 */
	public ExposureEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void onExposure(ExposureEvent event) {
		this.publisher.publishEvent(event);
	}

}
