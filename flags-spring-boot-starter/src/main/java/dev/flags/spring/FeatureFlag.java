package dev.flags.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flags.core.model.Evaluation;

/**
 * Runs a method only while a feature flag is on (or, with {@link #enabledWhen()} false, only while
 * it is off): <pre class="code">
 * &#64;FeatureFlag(value = "new-pricing", unit = "#order.customerId", fallback = "oldPrice")
 * public Price price(Order order) { ... }
 *
 * Price oldPrice(Order order) { ... }
 * </pre>
 * On a type, class or interface, it gates every public method of the bean, except
 * {@code equals}, {@code hashCode}, {@code toString} and the methods named as its
 * {@link #fallback()}; an annotation on a method replaces the one on its type. Annotations on
 * interface methods apply to their implementations. It may also be used as a meta-annotation.
 * <p>
 * When the gate is closed, in this order:
 * <ul>
 * <li>the {@link #fallback()} method runs, if one is named;</li>
 * <li>with {@link WhenDisabled#RETURN_EMPTY}, the method returns an empty value: an empty
 * {@code Optional}, collection, {@code Map}, {@code Stream} or array, or nothing for
 * {@code void};</li>
 * <li>otherwise a {@link FeatureDisabledException} is thrown; on a {@code @Controller} it is a
 * {@link FeatureNotFoundException}, answered with 404 so that an unreleased endpoint is not
 * revealed.</li>
 * </ul>
 * A method that returns a {@code CompletableFuture} (or {@code CompletionStage}, {@code Future})
 * never throws for the flag: it returns a failed future, a future of the empty value, or the
 * fallback's future.
 * <p>
 * Mistakes are reported when the bean is created, not at the first call: a fallback that does not
 * exist or does not fit, an empty value the return type has none of, an invalid {@link #unit()}
 * expression.
 * <p>
 * Methods are gated by a Spring AOP proxy, so a call from the bean to its own method
 * ({@code this.method()}) is not gated, and neither is a final method of a class-based proxy. The
 * annotation on a private or static method, which no proxy can reach, fails at startup.
 *
 * @see FlagService
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FeatureFlag {

	/**
	 * The key of the flag.
	 * @return the flag key
	 */
	String value();

	/**
	 * The state of the flag in which the method runs: true (the default) for new code released by
	 * the flag, false for the old path that runs only until a flag (a kill switch, say) is turned on.
	 * @return the state that opens the gate
	 */
	boolean enabledWhen() default true;

	/**
	 * The name of the method to call instead while the gate is closed. It is declared, with any
	 * visibility, in the same class (or a superclass), takes the same parameters, optionally
	 * followed by one more
	 * {@link Evaluation} parameter that receives the flag's evaluation, and returns a type
	 * assignable to the gated method's (or is {@code void} when that is). The variant without the
	 * extra parameter is preferred when both exist.
	 * @return the fallback method name, or empty for none
	 */
	String fallback() default "";

	/**
	 * A SpEL expression over the method's arguments whose value is the unit the flag is decided for:
	 * the current context, with its key replaced by the value (a string, or the string form of
	 * another value; null for no key). Arguments are referenced by name ({@code #order.customerId},
	 * which needs classes compiled with {@code -parameters}) or by position ({@code #p0},
	 * {@code #a0}). Only properties and methods of the arguments can be used.
	 * @return the expression, or empty to use the current context as it is
	 */
	String unit() default "";

	/**
	 * What the method does while the gate is closed and no {@link #fallback()} is named.
	 * @return the behaviour
	 */
	WhenDisabled whenDisabled() default WhenDisabled.FAIL;

	/**
	 * What a gated method does, when it has no fallback, while its gate is closed.
	 */
	enum WhenDisabled {

		/**
		 * Throw a {@link FeatureDisabledException} (404 on a controller), or return a future
		 * failed with it.
		 */
		FAIL,

		/**
		 * Return an empty {@code Optional}, collection, {@code Map}, {@code Stream} or array, do
		 * nothing for {@code void}; a future completes with such a value.
		 */
		RETURN_EMPTY

	}

}
