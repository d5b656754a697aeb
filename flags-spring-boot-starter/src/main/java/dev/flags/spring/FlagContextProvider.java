package dev.flags.spring;

import dev.flags.core.model.FlagContext;

/**
 * Supplies the current context for {@link FlagService} calls that pass none. The starter's
 * web support provides one that builds the context once per HTTP request; outside a request the
 * anonymous context is used. Declare a bean of this type to replace it.
 */
@FunctionalInterface
public interface FlagContextProvider {

	/**
	 * The context of the current unit of work.
	 * @return the context; never null
	 */
	FlagContext currentContext();

}
