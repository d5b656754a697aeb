package dev.flags.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code flags.store.type} chooses the given store.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnFlagStoreTypeCondition.class)
@interface ConditionalOnFlagStoreType {

	/**
	 * The store the annotated configuration provides.
	 * @return the store type
	 */
	FlagStoreType value();

	/**
	 * Whether to match also when the type is {@link FlagStoreType#AUTO} (or not set).
	 * @return true to match on auto
	 */
	boolean matchIfAuto() default false;

}
