package dev.flags.spring.aop;

import java.util.concurrent.CompletableFuture;

import dev.flags.core.model.Evaluation;
import dev.flags.spring.FeatureFlag;
import dev.flags.spring.FeatureFlag.WhenDisabled;
import dev.flags.spring.FlagService;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * The gate of one method, resolved once: which flag opens it, for which unit, and what the method
 * does while it is closed.
 */
final class Gate {

	private final String flag;

	private final boolean enabledWhen;

	private final @Nullable UnitExpression unit;

	private final DisabledHandler whenDisabled;

	private final boolean async;

	private Gate(String flag, boolean enabledWhen, @Nullable UnitExpression unit, DisabledHandler whenDisabled,
			boolean async) {
		this.flag = flag;
		this.enabledWhen = enabledWhen;
		this.unit = unit;
		this.whenDisabled = whenDisabled;
		this.async = async;
	}

	/**
	 * Resolves the gate of a method: parses its unit expression, finds its fallback or empty value.
	 * @param gated the gated method
	 * @return the gate
	 * @throws IllegalStateException when the annotation does not fit the method
	 */
	static Gate create(GatedMethod gated) {
		FeatureFlag annotation = gated.annotation();
		if (annotation.value().isBlank()) {
			throw new IllegalStateException(gated.label() + " names no flag");
		}
		UnitExpression unit = annotation.unit().isEmpty() ? null : UnitExpression.parse(gated);
		return new Gate(annotation.value(), annotation.enabledWhen(), unit, whenDisabled(gated), gated.async());
	}

	private static DisabledHandler whenDisabled(GatedMethod gated) {
		FeatureFlag annotation = gated.annotation();
		if (!annotation.fallback().isEmpty()) {
			if (annotation.whenDisabled() != WhenDisabled.FAIL) {
				throw new IllegalStateException(gated.label() + " names a fallback and whenDisabled = "
						+ annotation.whenDisabled() + "; keep one of them");
			}
			return FallbackMethodResolver.resolve(gated);
		}
		if (annotation.whenDisabled() == WhenDisabled.RETURN_EMPTY) {
			return EmptyValues.handler(gated);
		}
		return new Failure(gated);
	}

	/**
	 * Decides a call: proceeds when the flag's state opens the gate, else answers as disabled.
	 * @param invocation the call
	 * @param flags the flag service
	 * @return the method's result, or what it returns while disabled
	 * @throws Throwable what the method, or its disabled handling, throws
	 */
	@Nullable Object invoke(MethodInvocation invocation, FlagService flags) throws Throwable {
		Evaluation evaluation;
		if (this.unit != null) {
			try {
				evaluation = flags.evaluate(this.flag,
						this.unit.context(flags.currentContext(), invocation.getArguments()));
			}
			catch (IllegalArgumentException ex) {
				if (this.async) {
					return CompletableFuture.failedFuture(ex);
				}
				throw ex;
			}
		}
		else {
			evaluation = flags.evaluate(this.flag);
		}
		if (evaluation.enabled() == this.enabledWhen) {
			return invocation.proceed();
		}
		return this.whenDisabled.handle(invocation, evaluation);
	}

}
