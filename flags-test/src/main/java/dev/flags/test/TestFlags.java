package dev.flags.test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.FlagKind;
import dev.flags.core.model.Segment;
import dev.flags.core.model.Variant;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.spring.DefaultFlagService;
import dev.flags.spring.FlagService;

/**
 * A {@link FlagService} for tests without Spring: the starter's own service over definitions
 * kept in memory, with {@link FlagOverrides} of its own.
 * <pre class="code">
 * private final TestFlags flags = TestFlags.builder().off("new-checkout").build();
 *
 * private final CheckoutService checkout = new CheckoutService(this.flags);
 *
 * &#64;Test
 * &#64;WithFlag("new-checkout")
 * void newCheckout() { ... }
 * </pre>
 * {@link WithFlag}, {@link FlagStatesTest} and {@link FlagControl} apply to the {@code TestFlags}
 * fields of the test instance, or, when it has none, to one the extension creates for the test
 * and passes to a {@code FlagService} or {@code TestFlags} parameter. Each test instance has its
 * own, so tests running in parallel do not see each other's flags.
 * <p>
 * Forcing a flag ({@link #enable}, {@link #disable}, {@link #force}) lays a state over the
 * definitions; {@link #save(Flag)} changes the definitions themselves, as an administrator would,
 * through the store and the registry.
 */
public final class TestFlags implements FlagService, FlagControl {

	private final InMemoryFlagStore store;

	private final FlagRegistry registry;

	private final FlagOverrides overrides = new FlagOverrides();

	private final DefaultFlagService service;

	private volatile FlagContext currentContext;

	private TestFlags(Definitions definitions, FlagContext currentContext) {
		this.store = new InMemoryFlagStore(definitions);
		this.registry = new FlagRegistry(this.store);
		this.currentContext = currentContext;
		this.service = new DefaultFlagService(this.overrides.attach(this.registry::snapshot),
				() -> this.currentContext);
	}

	/**
	 * A builder of definitions for a test.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A service with no flags defined: every flag is off unless a test forces it.
	 * @return the service
	 */
	public static TestFlags empty() {
		return builder().build();
	}

	@Override
	public boolean isEnabled(String key) {
		return this.service.isEnabled(key);
	}

	@Override
	public boolean isEnabled(String key, FlagContext context) {
		return this.service.isEnabled(key, context);
	}

	@Override
	public String variant(String key, String defaultVariant) {
		return this.service.variant(key, defaultVariant);
	}

	@Override
	public String variant(String key, FlagContext context, String defaultVariant) {
		return this.service.variant(key, context, defaultVariant);
	}

	@Override
	public Evaluation evaluate(String key) {
		return this.service.evaluate(key);
	}

	@Override
	public Evaluation evaluate(String key, FlagContext context) {
		return this.service.evaluate(key, context);
	}

	@Override
	public FlagContext currentContext() {
		return this.service.currentContext();
	}

	/**
	 * Sets the context of calls that pass none, as a request's user would be.
	 * @param context the context
	 */
	public void setCurrentContext(FlagContext context) {
		this.currentContext = context;
	}

	@Override
	public FlagSnapshot snapshot() {
		return this.service.snapshot();
	}

	@Override
	public void force(String key, FlagState state) {
		this.overrides.force(key, state);
	}

	@Override
	public void reset(String key) {
		this.overrides.reset(key);
	}

	/**
	 * Defines or replaces a flag through the store, as an administrator would; the next decision
	 * reads the new definition. Flags forced by the test stay forced.
	 * @param flag the definition
	 * @return the stored flag, with its new version
	 * @throws dev.flags.core.model.InvalidDefinitionsException when the definition is invalid
	 */
	public Flag save(Flag flag) {
		long expectedVersion = this.registry.snapshot()
			.flag(flag.key())
			.map(Flag::currentVersion)
			.orElse(0L);
		return this.registry.save(flag, expectedVersion);
	}

	/**
	 * Deletes a flag through the store.
	 * @param key the flag key
	 * @throws IllegalArgumentException when no such flag is defined
	 */
	public void delete(String key) {
		Flag flag = this.registry.snapshot()
			.flag(key)
			.orElseThrow(() -> new IllegalArgumentException("No flag '" + key + "' is defined"));
		this.registry.delete(key, flag.currentVersion());
	}

	/**
	 * The flags forced on this service.
	 * @return the overrides
	 */
	public FlagOverrides overrides() {
		return this.overrides;
	}

	/**
	 * The store that holds the definitions.
	 * @return the store
	 */
	public InMemoryFlagStore store() {
		return this.store;
	}

	/**
	 * The registry that holds the snapshot of the definitions, without the forced flags.
	 * @return the registry
	 */
	public FlagRegistry registry() {
		return this.registry;
	}

	/**
	 * Builds the definitions of a {@link TestFlags}.
	 */
	public static final class Builder {

		private Definitions definitions = Definitions.empty();

		private FlagContext currentContext = FlagContext.anonymous();

		Builder() {
		}

		/**
		 * Starts from a document, such as one read with the JSON codec.
		 * @param definitions the document
		 * @return this builder
		 */
		public Builder definitions(Definitions definitions) {
			this.definitions = definitions;
			return this;
		}

		/**
		 * Defines a flag, replacing one with the same key.
		 * @param flag the definition
		 * @return this builder
		 */
		public Builder flag(Flag flag) {
			this.definitions = this.definitions.withFlag(flag);
			return this;
		}

		/**
		 * Defines a segment, replacing one with the same key.
		 * @param segment the definition
		 * @return this builder
		 */
		public Builder segment(Segment segment) {
			this.definitions = this.definitions.withSegment(segment);
			return this;
		}

		/**
		 * Defines a flag that is on for everyone.
		 * @param key the flag key
		 * @return this builder
		 */
		public Builder on(String key) {
			return flag(Flag.builder(key).rollout(100).build());
		}

		/**
		 * Defines a flag that is off for everyone.
		 * @param key the flag key
		 * @return this builder
		 */
		public Builder off(String key) {
			return flag(Flag.builder(key).enabled(false).build());
		}

		/**
		 * Defines a flag rolled out to a share of the units.
		 * @param key the flag key
		 * @param percent the share, 0 to 100
		 * @return this builder
		 */
		public Builder rollout(String key, double percent) {
			return flag(Flag.builder(key).rollout(percent).build());
		}

		/**
		 * Defines an experiment on for everyone, its variants sharing the units equally.
		 * @param key the flag key
		 * @param variants the variants' names
		 * @return this builder
		 * @throws IllegalArgumentException when no variant is given
		 */
		public Builder experiment(String key, String... variants) {
			if (variants.length == 0) {
				throw new IllegalArgumentException("Experiment '" + key + "' needs at least one variant");
			}
			// Equal shares rounded down to the spec's three decimals; the last variant takes the rest.
			BigDecimal share = BigDecimal.valueOf(100)
				.divide(BigDecimal.valueOf(variants.length), 3, RoundingMode.DOWN);
			List<Variant> list = new ArrayList<>();
			BigDecimal rest = BigDecimal.valueOf(100);
			for (int i = 0; i < variants.length; i++) {
				BigDecimal weight = (i < variants.length - 1) ? share : rest;
				list.add(new Variant(variants[i], weight, Map.of()));
				rest = rest.subtract(share);
			}
			return flag(Flag.builder(key).kind(FlagKind.EXPERIMENT).rollout(100).variants(list).build());
		}

		/**
		 * Sets the context of calls that pass none (anonymous by default).
		 * @param context the context
		 * @return this builder
		 */
		public Builder currentContext(FlagContext context) {
			this.currentContext = context;
			return this;
		}

		/**
		 * The definitions built so far.
		 * @return the document
		 */
		public Definitions definitions() {
			return this.definitions;
		}

		/**
		 * Builds the service.
		 * @return the service
		 * @throws dev.flags.core.model.InvalidDefinitionsException when the definitions are invalid,
		 * naming each problem
		 */
		public TestFlags build() {
			return new TestFlags(this.definitions, this.currentContext);
		}

	}

}
