package dev.flags.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Holds repeated {@link WithFlag} declarations; write {@code @WithFlag} several times instead.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FlagsExtension.class)
@ResourceLock(providers = FlagsResourceLocks.class)
public @interface WithFlags {

	/**
	 * The declarations.
	 * @return the forced flags
	 */
	WithFlag[] value();

}
