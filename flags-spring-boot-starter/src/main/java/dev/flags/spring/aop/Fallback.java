package dev.flags.spring.aop;

import java.lang.invoke.MethodHandle;
import java.util.Arrays;

import dev.flags.core.model.Evaluation;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * Calls the fallback method on the bean with the call's arguments, and the evaluation when the
 * fallback takes it.
 */
final class Fallback implements DisabledHandler {

	private final MethodHandle handle;

	private final boolean passesEvaluation;

	/**
	 * Creates a fallback.
	 * @param handle the fallback method, of type {@code (Object target, Object[] arguments)Object}
	 * @param passesEvaluation whether the evaluation is passed as one more last argument
	 */
	Fallback(MethodHandle handle, boolean passesEvaluation) {
		this.handle = handle;
		this.passesEvaluation = passesEvaluation;
	}

	@Override
	public @Nullable Object handle(MethodInvocation invocation, Evaluation evaluation) throws Throwable {
		Object[] arguments = invocation.getArguments();
		if (this.passesEvaluation) {
			arguments = Arrays.copyOf(arguments, arguments.length + 1);
			arguments[arguments.length - 1] = evaluation;
		}
		return (Object) this.handle.invokeExact(invocation.getThis(), arguments);
	}

}
