package dev.flags.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One segment defined in configuration, under {@code flags.definitions.segments.<key>}: a named
 * group of contexts that flag rules test with {@code in_segment}.
 */
public class SegmentDefinitionProperties {

	/**
	 * What the segment is, for people.
	 */
	private @Nullable String description;

	/**
	 * Context keys always in the segment, unless excluded.
	 */
	private @Nullable List<String> include;

	/**
	 * Context keys never in the segment.
	 */
	private @Nullable List<String> exclude;

	/**
	 * Rules, any of which puts a context in the segment when all its conditions hold.
	 */
	private @Nullable List<Rule> rules;

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable List<String> getInclude() {
		return this.include;
	}

	public void setInclude(@Nullable List<String> include) {
		this.include = include;
	}

	public @Nullable List<String> getExclude() {
		return this.exclude;
	}

	public void setExclude(@Nullable List<String> exclude) {
		this.exclude = exclude;
	}

	public @Nullable List<Rule> getRules() {
		return this.rules;
	}

	public void setRules(@Nullable List<Rule> rules) {
		this.rules = rules;
	}

	/**
	 * A segment rule.
	 */
	public static class Rule {

		/**
		 * What the rule is for, for people.
		 */
		private @Nullable String description;

		/**
		 * Conditions that must all hold; none always holds. A segment's rules may not use
		 * 'in_segment'.
		 */
		private List<FlagDefinitionProperties.Condition> when = new ArrayList<>();

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

		public List<FlagDefinitionProperties.Condition> getWhen() {
			return this.when;
		}

		public void setWhen(List<FlagDefinitionProperties.Condition> when) {
			this.when = when;
		}

	}

}
