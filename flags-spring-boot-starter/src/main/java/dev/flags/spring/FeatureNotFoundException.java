package dev.flags.spring;

import dev.flags.core.model.Evaluation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A {@link FeatureDisabledException} thrown by a gated controller method: Spring MVC answers it
 * with 404, as it would a path that does not exist, so an unreleased endpoint is not revealed.
 * <p>
 * The status annotation comes from {@code spring-web}; where that is absent the JVM ignores it
 * and the exception is an ordinary {@link FeatureDisabledException}.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class FeatureNotFoundException extends FeatureDisabledException {

	/**
	 * Creates an exception.
	 * @param flag the key of the flag that closed the gate
	 * @param evaluation the flag's evaluation for the call
	 * @param message what did not run, and why
	 */
	public FeatureNotFoundException(String flag, Evaluation evaluation, String message) {
		super(flag, evaluation, message);
	}

}
