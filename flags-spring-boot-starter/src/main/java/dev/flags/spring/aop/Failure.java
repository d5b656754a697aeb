package dev.flags.spring.aop;

import java.util.concurrent.CompletableFuture;

import dev.flags.core.model.Evaluation;
import dev.flags.spring.FeatureDisabledException;
import dev.flags.spring.FeatureNotFoundException;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;

/**
 * Fails a call whose gate is closed: throws a {@link FeatureDisabledException}, a
 * {@link FeatureNotFoundException} for a controller, or returns a future failed with it.
 */
final class Failure implements DisabledHandler {

	private final String flag;

	private final String method;

	private final boolean enabledWhen;

	private final boolean notFound;

	private final boolean async;

	Failure(GatedMethod gated) {
		this.flag = gated.annotation().value();
		this.method = GatedMethod.describe(gated.method());
		this.enabledWhen = gated.annotation().enabledWhen();
		// spring-context's stereotype, so no web classes are needed to tell a controller
		this.notFound = AnnotatedElementUtils.hasAnnotation(gated.targetClass(), Controller.class);
		this.async = gated.async();
	}

	@Override
	public Object handle(MethodInvocation invocation, Evaluation evaluation) {
		String message = "Feature flag '" + this.flag + "' is " + (evaluation.enabled() ? "on" : "off") + " (reason "
				+ evaluation.reason() + "), so " + this.method
				+ (this.enabledWhen ? "" : ", which runs only while it is off,") + " did not run";
		FeatureDisabledException ex = this.notFound ? new FeatureNotFoundException(this.flag, evaluation, message)
				: new FeatureDisabledException(this.flag, evaluation, message);
		if (this.async) {
			return CompletableFuture.failedFuture(ex);
		}
		throw ex;
	}

}
