package dev.flags.core.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The definition of one flag (spec §1). Immutable; change one with {@link #toBuilder()} or a
 * {@code with…} method.
 *
 * @param key the flag's key, {@code ^[a-z0-9][a-z0-9._-]{0,127}$}
 * @param kind what the flag is for
 * @param description what the flag does, for people
 * @param owner the team or person responsible for it
 * @param enabled false turns the flag off for everyone, whatever else is set
 * @param rollout the percentage of units that get the flag when no rule decides, 0 to 100 with at
 * most three decimals
 * @param bucketBy the context attribute whose value is the unit, or null for the context key
 * @param salt the hash salt, or null for the flag key
 * @param include context keys that always get the flag (unless disabled or excluded)
 * @param exclude context keys that never get the flag
 * @param rules targeting rules, in order; the first whose conditions all hold decides
 * @param variants the variants of an experiment, with weights summing to 100
 * @param clientVisible whether browsers may see this flag's decision (metadata)
 * @param createdAt when the flag was created (metadata)
 * @param expiresAt when the flag is due for removal (metadata)
 * @param version the flag's version, raised by every write (metadata)
 * @param extra fields of the document this model does not know
 */
public record Flag(String key, FlagKind kind, @Nullable String description, @Nullable String owner, boolean enabled,
		BigDecimal rollout, @Nullable String bucketBy, @Nullable String salt, List<String> include,
		List<String> exclude, List<Rule> rules, List<Variant> variants, boolean clientVisible,
		@Nullable String createdAt, @Nullable String expiresAt, @Nullable Long version,
		Map<String, @Nullable Object> extra) {

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * Creates a flag, copying its lists.
	 * @param key the key
	 * @param kind the kind
	 * @param description what it does
	 * @param owner who owns it
	 * @param enabled whether it is enabled
	 * @param rollout the default rollout
	 * @param bucketBy the bucketing attribute
	 * @param salt the hash salt
	 * @param include keys always on
	 * @param exclude keys always off
	 * @param rules the rules
	 * @param variants the variants
	 * @param clientVisible whether browsers may see it
	 * @param createdAt when it was created
	 * @param expiresAt when it expires
	 * @param version its version
	 * @param extra unknown fields to keep
	 */
	public Flag {
		include = Copies.list(include);
		exclude = Copies.list(exclude);
		rules = Copies.list(rules);
		variants = Copies.list(variants);
		extra = Copies.extra(extra);
	}

	/**
	 * A builder for a flag with the given key: a release flag, enabled, at 0 %.
	 * @param key the flag key
	 * @return the builder
	 */
	public static Builder builder(String key) {
		return new Builder(key);
	}

	/**
	 * A builder that starts from this flag.
	 * @return the builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * The salt hashes are computed with: the {@code salt} field, or the key when it is absent.
	 * @return the effective salt
	 */
	public String effectiveSalt() {
		return (this.salt != null) ? this.salt : this.key;
	}

	/**
	 * This flag with another enabled state.
	 * @param enabled the new state
	 * @return the changed flag
	 */
	public Flag withEnabled(boolean enabled) {
		return toBuilder().enabled(enabled).build();
	}

	/**
	 * This flag with another rollout.
	 * @param rollout the new rollout percentage
	 * @return the changed flag
	 */
	public Flag withRollout(BigDecimal rollout) {
		return toBuilder().rollout(rollout).build();
	}

	/**
	 * This flag with another version.
	 * @param version the new version
	 * @return the changed flag
	 */
	public Flag withVersion(@Nullable Long version) {
		return toBuilder().version(version).build();
	}

	/**
	 * The version of this flag, 0 when it has none.
	 * @return the version
	 */
	public long versionOrZero() {
		return (this.version != null) ? this.version : 0L;
	}

	/**
	 * Builds a {@link Flag}.
	 */
	public static final class Builder {

		private String key;

		private FlagKind kind = FlagKind.RELEASE;

		private @Nullable String description;

		private @Nullable String owner;

		private boolean enabled = true;

		private BigDecimal rollout = BigDecimal.ZERO;

		private @Nullable String bucketBy;

		private @Nullable String salt;

		private List<String> include = new ArrayList<>();

		private List<String> exclude = new ArrayList<>();

		private List<Rule> rules = new ArrayList<>();

		private List<Variant> variants = new ArrayList<>();

		private boolean clientVisible;

		private @Nullable String createdAt;

		private @Nullable String expiresAt;

		private @Nullable Long version;

		private Map<String, @Nullable Object> extra = new LinkedHashMap<>();

		Builder(String key) {
			this.key = key;
		}

		Builder(Flag flag) {
			this.key = flag.key;
			this.kind = flag.kind;
			this.description = flag.description;
			this.owner = flag.owner;
			this.enabled = flag.enabled;
			this.rollout = flag.rollout;
			this.bucketBy = flag.bucketBy;
			this.salt = flag.salt;
			this.include = new ArrayList<>(flag.include);
			this.exclude = new ArrayList<>(flag.exclude);
			this.rules = new ArrayList<>(flag.rules);
			this.variants = new ArrayList<>(flag.variants);
			this.clientVisible = flag.clientVisible;
			this.createdAt = flag.createdAt;
			this.expiresAt = flag.expiresAt;
			this.version = flag.version;
			this.extra = new LinkedHashMap<>(flag.extra);
		}

		/**
		 * Sets the key.
		 * @param key the key
		 * @return this builder
		 */
		public Builder key(String key) {
			this.key = key;
			return this;
		}

		/**
		 * Sets the kind.
		 * @param kind the kind
		 * @return this builder
		 */
		public Builder kind(FlagKind kind) {
			this.kind = kind;
			return this;
		}

		/**
		 * Sets the description.
		 * @param description what the flag does
		 * @return this builder
		 */
		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		/**
		 * Sets the owner.
		 * @param owner who owns the flag
		 * @return this builder
		 */
		public Builder owner(@Nullable String owner) {
			this.owner = owner;
			return this;
		}

		/**
		 * Sets whether the flag is enabled.
		 * @param enabled false turns it off for everyone
		 * @return this builder
		 */
		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		/**
		 * Sets the rollout.
		 * @param rollout percentage, 0 to 100
		 * @return this builder
		 */
		public Builder rollout(BigDecimal rollout) {
			this.rollout = rollout;
			return this;
		}

		/**
		 * Sets the rollout.
		 * @param rollout percentage, 0 to 100, at most three decimals
		 * @return this builder
		 */
		public Builder rollout(double rollout) {
			BigDecimal exact = new BigDecimal(Double.toString(rollout)).stripTrailingZeros();
			// 100 strips to 1E+2; scale 0 keeps it equal to the 100 a document reads back
			return rollout((exact.scale() < 0) ? exact.setScale(0) : exact);
		}

		/**
		 * Sets the attribute to bucket by.
		 * @param bucketBy attribute name, or null for the context key
		 * @return this builder
		 */
		public Builder bucketBy(@Nullable String bucketBy) {
			this.bucketBy = bucketBy;
			return this;
		}

		/**
		 * Sets the salt.
		 * @param salt the salt, or null for the key
		 * @return this builder
		 */
		public Builder salt(@Nullable String salt) {
			this.salt = salt;
			return this;
		}

		/**
		 * Sets the include list.
		 * @param include context keys always on
		 * @return this builder
		 */
		public Builder include(List<String> include) {
			this.include = new ArrayList<>(include);
			return this;
		}

		/**
		 * Sets the include list.
		 * @param include context keys always on
		 * @return this builder
		 */
		public Builder include(String... include) {
			return include(List.of(include));
		}

		/**
		 * Sets the exclude list.
		 * @param exclude context keys always off
		 * @return this builder
		 */
		public Builder exclude(List<String> exclude) {
			this.exclude = new ArrayList<>(exclude);
			return this;
		}

		/**
		 * Sets the exclude list.
		 * @param exclude context keys always off
		 * @return this builder
		 */
		public Builder exclude(String... exclude) {
			return exclude(List.of(exclude));
		}

		/**
		 * Sets the rules.
		 * @param rules the rules, in order
		 * @return this builder
		 */
		public Builder rules(List<Rule> rules) {
			this.rules = new ArrayList<>(rules);
			return this;
		}

		/**
		 * Appends a rule.
		 * @param rule the rule
		 * @return this builder
		 */
		public Builder rule(Rule rule) {
			this.rules.add(rule);
			return this;
		}

		/**
		 * Sets the variants.
		 * @param variants the variants
		 * @return this builder
		 */
		public Builder variants(List<Variant> variants) {
			this.variants = new ArrayList<>(variants);
			return this;
		}

		/**
		 * Sets the variants.
		 * @param variants the variants
		 * @return this builder
		 */
		public Builder variants(Variant... variants) {
			return variants(List.of(variants));
		}

		/**
		 * Sets whether browsers may see the flag's decision.
		 * @param clientVisible true to expose it
		 * @return this builder
		 */
		public Builder clientVisible(boolean clientVisible) {
			this.clientVisible = clientVisible;
			return this;
		}

		/**
		 * Sets when the flag was created.
		 * @param createdAt an ISO-8601 instant or date
		 * @return this builder
		 */
		public Builder createdAt(@Nullable String createdAt) {
			this.createdAt = createdAt;
			return this;
		}

		/**
		 * Sets when the flag expires.
		 * @param expiresAt an ISO-8601 date or instant
		 * @return this builder
		 */
		public Builder expiresAt(@Nullable String expiresAt) {
			this.expiresAt = expiresAt;
			return this;
		}

		/**
		 * Sets the version.
		 * @param version the version
		 * @return this builder
		 */
		public Builder version(@Nullable Long version) {
			this.version = version;
			return this;
		}

		/**
		 * Sets the unknown fields kept with the flag.
		 * @param extra the fields
		 * @return this builder
		 */
		public Builder extra(Map<String, @Nullable Object> extra) {
			this.extra = new LinkedHashMap<>(extra);
			return this;
		}

		/**
		 * Builds the flag. It is not validated here; a snapshot or a store validates it.
		 * @return the flag
		 */
		public Flag build() {
			return new Flag(this.key, this.kind, this.description, this.owner, this.enabled, this.rollout,
					this.bucketBy, this.salt, this.include, this.exclude, this.rules, this.variants,
					this.clientVisible, this.createdAt, this.expiresAt, this.version, this.extra);
		}

	}

}
