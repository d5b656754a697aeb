package dev.flags.spring.aop;

import dev.flags.core.model.Evaluation;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * What a gated method does instead of running while its gate is closed.
 */
@FunctionalInterface
interface DisabledHandler {

	/**
	 * Answers a call whose gate is closed.
	 * @param invocation the call
	 * @param evaluation the flag's evaluation that closed the gate
	 * @return what the method returns instead
	 * @throws Throwable what the method throws instead
	 */
	@Nullable Object handle(MethodInvocation invocation, Evaluation evaluation) throws Throwable;

}
