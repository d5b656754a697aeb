package dev.flags.test;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The variants a {@link FlagStatesTest} runs an experiment flag with: one state per variant.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FlagVariants {

	/**
	 * The key of the experiment flag.
	 * @return the flag key
	 */
	String flag();

	/**
	 * The variants to run with, in order.
	 * @return the variants' names
	 */
	String[] value();

	/**
	 * Whether to run with the flag off as well (after the variants), as users outside the
	 * experiment see it.
	 * @return true to add the off state
	 */
	boolean off() default false;

}
