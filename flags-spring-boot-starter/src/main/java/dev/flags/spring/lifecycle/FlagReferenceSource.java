package dev.flags.spring.lifecycle;

import java.util.Collection;

import dev.flags.core.lifecycle.FlagReference;

/**
 * Knows where the application's code references flags, for the lifecycle report. The
 * {@link dev.flags.spring.FeatureFlag @FeatureFlag} support is one; declare a bean of this type
 * to add references made some other way.
 */
@FunctionalInterface
public interface FlagReferenceSource {

	/**
	 * The references known so far.
	 * @return the references
	 */
	Collection<FlagReference> flagReferences();

}
