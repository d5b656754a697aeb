package dev.flags.spring.autoconfigure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One flag defined in configuration, under {@code flags.definitions.flags.<key>}. The fields
 * mirror the definitions document of the evaluation spec; a field left unset takes the spec's
 * default, or, for a flag also in the document at {@code flags.definitions-location}, the value
 * there. Values are checked exactly as a document is.
 */
public class FlagDefinitionProperties {

	/**
	 * What the flag is for: release, experiment, kill-switch, ops or entitlement. Default:
	 * release.
	 */
	private @Nullable String kind;

	/**
	 * What the flag does, for people.
	 */
	private @Nullable String description;

	/**
	 * The team or person responsible for the flag.
	 */
	private @Nullable String owner;

	/**
	 * Whether the flag is enabled; false turns it off for everyone. Default: true.
	 */
	private @Nullable Boolean enabled;

	/**
	 * Percentage of units that get the flag when no rule decides, 0 to 100 with at most three
	 * decimals. Default: 0.
	 */
	private @Nullable BigDecimal rollout;

	/**
	 * Context attribute whose value is the unit of the rollout. Default: the context key.
	 */
	private @Nullable String bucketBy;

	/**
	 * Salt of the bucketing hash. Default: the flag key.
	 */
	private @Nullable String salt;

	/**
	 * Context keys that always get the flag, unless it is disabled or they are excluded.
	 */
	private @Nullable List<String> include;

	/**
	 * Context keys that never get the flag.
	 */
	private @Nullable List<String> exclude;

	/**
	 * Targeting rules, in order; the first whose conditions all hold decides.
	 */
	private @Nullable List<Rule> rules;

	/**
	 * Variants of an experiment, with weights that sum to 100.
	 */
	private @Nullable List<Variant> variants;

	/**
	 * Whether browsers may see the flag's decision. Default: false.
	 */
	private @Nullable Boolean clientVisible;

	/**
	 * When the flag was created, an ISO-8601 date or instant.
	 */
	private @Nullable String createdAt;

	/**
	 * When the flag is due for removal, an ISO-8601 date or instant.
	 */
	private @Nullable String expiresAt;

	public @Nullable String getKind() {
		return this.kind;
	}

	public void setKind(@Nullable String kind) {
		this.kind = kind;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable String getOwner() {
		return this.owner;
	}

	public void setOwner(@Nullable String owner) {
		this.owner = owner;
	}

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable BigDecimal getRollout() {
		return this.rollout;
	}

	public void setRollout(@Nullable BigDecimal rollout) {
		this.rollout = rollout;
	}

	public @Nullable String getBucketBy() {
		return this.bucketBy;
	}

	public void setBucketBy(@Nullable String bucketBy) {
		this.bucketBy = bucketBy;
	}

	public @Nullable String getSalt() {
		return this.salt;
	}

	public void setSalt(@Nullable String salt) {
		this.salt = salt;
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

	public @Nullable List<Variant> getVariants() {
		return this.variants;
	}

	public void setVariants(@Nullable List<Variant> variants) {
		this.variants = variants;
	}

	public @Nullable Boolean getClientVisible() {
		return this.clientVisible;
	}

	public void setClientVisible(@Nullable Boolean clientVisible) {
		this.clientVisible = clientVisible;
	}

	public @Nullable String getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(@Nullable String createdAt) {
		this.createdAt = createdAt;
	}

	public @Nullable String getExpiresAt() {
		return this.expiresAt;
	}

	public void setExpiresAt(@Nullable String expiresAt) {
		this.expiresAt = expiresAt;
	}

	/**
	 * A targeting rule: when all its conditions hold it serves a rollout or one variant.
	 */
	public static class Rule {

		/**
		 * What the rule is for, for people.
		 */
		private @Nullable String description;

		/**
		 * Conditions that must all hold; none always holds.
		 */
		private List<Condition> when = new ArrayList<>();

		/**
		 * Percentage served when the rule matches. Default: 100.
		 */
		private @Nullable BigDecimal rollout;

		/**
		 * Variant served when the rule matches, instead of a rollout.
		 */
		private @Nullable String variant;

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

		public List<Condition> getWhen() {
			return this.when;
		}

		public void setWhen(List<Condition> when) {
			this.when = when;
		}

		public @Nullable BigDecimal getRollout() {
			return this.rollout;
		}

		public void setRollout(@Nullable BigDecimal rollout) {
			this.rollout = rollout;
		}

		public @Nullable String getVariant() {
			return this.variant;
		}

		public void setVariant(@Nullable String variant) {
			this.variant = variant;
		}

	}

	/**
	 * A condition on a context attribute.
	 */
	public static class Condition {

		/**
		 * Context attribute tested; 'key' is the context key. Not needed for 'in_segment'.
		 */
		private @Nullable String attribute;

		/**
		 * Operator: in, not_in, contains, starts_with, ends_with, gt, gte, lt, lte, before,
		 * after, semver_eq, semver_gt, semver_lt or in_segment.
		 */
		private @Nullable String op;

		/**
		 * Values to compare with; the condition holds when any matches. Numbers and booleans
		 * keep their type when written in YAML.
		 */
		private List<Object> values = new ArrayList<>();

		/**
		 * Whether the result is inverted; a missing attribute still never matches.
		 */
		private @Nullable Boolean negate;

		public @Nullable String getAttribute() {
			return this.attribute;
		}

		public void setAttribute(@Nullable String attribute) {
			this.attribute = attribute;
		}

		public @Nullable String getOp() {
			return this.op;
		}

		public void setOp(@Nullable String op) {
			this.op = op;
		}

		public List<Object> getValues() {
			return this.values;
		}

		public void setValues(List<Object> values) {
			this.values = values;
		}

		public @Nullable Boolean getNegate() {
			return this.negate;
		}

		public void setNegate(@Nullable Boolean negate) {
			this.negate = negate;
		}

	}

	/**
	 * A variant of an experiment.
	 */
	public static class Variant {

		/**
		 * Name of the variant.
		 */
		private @Nullable String name;

		/**
		 * Share of units that get the variant, in percent.
		 */
		private @Nullable BigDecimal weight;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable BigDecimal getWeight() {
			return this.weight;
		}

		public void setWeight(@Nullable BigDecimal weight) {
			this.weight = weight;
		}

	}

}
