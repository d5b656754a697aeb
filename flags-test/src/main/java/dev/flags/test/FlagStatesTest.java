package dev.flags.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs a test once per state of the flags it names, so that both code paths of a flag are
 * tested by one body:
 * <pre class="code">
 * &#64;FlagStatesTest("new-checkout")                    // [1] new-checkout=on, [2] new-checkout=off
 * &#64;FlagStatesTest({ "new-checkout", "new-search" })  // all four combinations
 * &#64;FlagStatesTest(variants = &#64;FlagVariants(flag = "pricing", value = { "control", "treatment" }))
 * void checkout(FlagStates states) { ... }
 * </pre>
 * Each flag of {@link #value()} runs on, then off; each flag of {@link #variants()} runs once per
 * variant. With several flags the runs cover every combination of their states, or with
 * {@link Coverage#ALL_PAIRS} every pair of states of any two flags, in far fewer runs; the number
 * of runs is published as a report entry ({@code flag-states}). Each run's display name says its
 * states, and the method may declare a {@link FlagStates} parameter to receive them (and
 * {@link FlagControl}, {@link TestFlags}, or parameters other extensions resolve).
 * <p>
 * States are forced as by {@link WithFlag}, which may force other flags of the same test; for a
 * flag named in both, the run's state wins. The runs are invocations of a JUnit test template;
 * one method cannot also be a {@code @ParameterizedTest} (JUnit would run the two templates'
 * invocations separately instead of combining them). To combine arguments and flag states, put
 * the arguments on the class ({@code @ParameterizedClass}) and the states on the method.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith({ FlagsExtension.class, FlagStatesExtension.class })
@ResourceLock(providers = FlagsResourceLocks.class)
public @interface FlagStatesTest {

	/**
	 * The display name of each run: {@code {index}} is the run's number, {@code {count}} the number
	 * of runs, {@code {states}} the run's states ({@code new-checkout=on, new-search=off}).
	 */
	String DEFAULT_NAME = "[{index}] {states}";

	/**
	 * The flags to run on and off.
	 * @return the flag keys
	 */
	String[] value() default {};

	/**
	 * The experiment flags to run once per variant.
	 * @return the flags and their variants
	 */
	FlagVariants[] variants() default {};

	/**
	 * Which combinations of states to run.
	 * @return the coverage; every combination by default
	 */
	Coverage coverage() default Coverage.ALL_COMBINATIONS;

	/**
	 * The display name of each run; see {@link #DEFAULT_NAME} for the placeholders.
	 * @return the name pattern
	 */
	String name() default DEFAULT_NAME;

	/**
	 * Which combinations of flag states a {@link FlagStatesTest} runs.
	 */
	enum Coverage {

		/**
		 * Every combination of the flags' states: 2<sup>n</sup> runs for n on/off flags.
		 */
		ALL_COMBINATIONS,

		/**
		 * Every pair of states of any two flags appears in at least one run: for many interacting
		 * flags a handful of runs instead of thousands (for 10 on/off flags, well under a dozen
		 * instead of 1024). Bugs that need three or more flags in given states may be missed.
		 */
		ALL_PAIRS

	}

}
