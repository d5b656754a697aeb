package dev.flags.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Forces a flag on, off, or to a variant for a test:
 * <pre class="code">
 * &#64;Test &#64;WithFlag("new-checkout")                          // on
 * &#64;Test &#64;WithFlag(value = "new-checkout", enabled = false)  // off
 * &#64;Test &#64;WithFlag(value = "pricing", variant = "treatment")  // on, serving "treatment"
 * </pre>
 * Repeatable, on a test method or a test class (its {@code @Nested} classes and subclasses
 * included). For one flag the most specific declaration wins: the method over its class, a
 * {@code @Nested} class over the class around it, a class over its superclass; the run's state
 * of a {@link FlagStatesTest} over all of them. Declaring two states of one flag in one place is
 * an error. It also works as a meta-annotation.
 * <p>
 * In a Spring test the flag is forced in the application context's
 * {@link dev.flags.spring.FlagService}, for this test alone and without restarting the context;
 * in a test without Spring, in the test's {@link TestFlags} (or {@link FlagOverrides}). Either
 * way it is forced before the {@code @BeforeEach} methods run, and no longer once the
 * {@code @AfterEach} methods have run, whether the test passed or failed. A forced flag is
 * evaluated as described in {@link FlagState}.
 * <p>
 * Under parallel execution, Spring tests that force flags take the resource lock
 * {@link FlagOverrides#LOCK}, so JUnit runs them one at a time; tests without Spring each force
 * flags in their own {@link TestFlags} and run in parallel freely.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(WithFlags.class)
@ExtendWith(FlagsExtension.class)
@ResourceLock(providers = FlagsResourceLocks.class)
public @interface WithFlag {

	/**
	 * The key of the flag to force.
	 * @return the flag key
	 */
	String value();

	/**
	 * Whether the flag is forced on (the default) or off.
	 * @return true for on
	 */
	boolean enabled() default true;

	/**
	 * The variant the flag is forced to serve; empty to keep the flag's own variants. A variant
	 * must be one of the flag's when the flag is defined, and needs the flag on.
	 * @return the variant, or empty
	 */
	String variant() default "";

}
