package dev.flags.core.lifecycle;

/**
 * A place in an application that asks for a flag.
 *
 * @param key the flag key it asks for
 * @param location where, for people: a bean and method, or {@value #FLAG_SERVICE} for a key
 * asked for at run time
 */
public record FlagReference(String key, String location) {

	/** The location of keys seen in calls as they happen rather than found in the code. */
	public static final String FLAG_SERVICE = "a FlagService call";

	@Override
	public String toString() {
		return "'" + this.key + "' in " + this.location;
	}

}
