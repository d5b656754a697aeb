package dev.flags.benchmarks.spring;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.spring.FeatureFlag;
import dev.flags.spring.FlagService;
import dev.flags.spring.aop.FeatureFlagAdvisor;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;

/**
 * The overhead of gating a method with {@code @FeatureFlag}: a direct call to the bean (the
 * floor), a call through its proxy to a method that is not gated (the proxy's own cost), a call
 * through a proxy whose advice only proceeds (the cost of any advice), a gated call with the flag
 * on, and one with the flag off that runs the fallback. The flags are at 0 %
 * and 100 %, so the evaluation itself hashes nothing and the difference to the floor is the
 * proxy and the gate.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FeatureFlagAspectBenchmark {

	private PriceCalculator direct;

	private PriceCalculator proxied;

	private PriceCalculator passThrough;

	private int quantity = 7;

	/**
	 * Builds the bean and its proxy, gated by a flag service over a fixed snapshot and context.
	 */
	@Setup
	public void setUp() {
		Definitions definitions = Definitions.of(List.of(Flag.builder("new-pricing").rollout(100).build(),
				Flag.builder("retired-pricing").enabled(false).build()), List.of());
		FlagService flags = new SnapshotFlagService(FlagSnapshot.of(definitions), FlagContext.of("user-42"));
		this.direct = new PriceCalculator();
		ProxyFactory factory = new ProxyFactory(this.direct);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new FeatureFlagAdvisor(() -> flags));
		this.proxied = (PriceCalculator) factory.getProxy();
		ProxyFactory passThroughFactory = new ProxyFactory(this.direct);
		passThroughFactory.setProxyTargetClass(true);
		passThroughFactory.addAdvisor(new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, FeatureFlag.class),
				(MethodInterceptor) MethodInvocation::proceed));
		this.passThrough = (PriceCalculator) passThroughFactory.getProxy();
	}

	/**
	 * The floor: the method called on the bean itself.
	 * @return the price
	 */
	@Benchmark
	public int direct() {
		return this.direct.newPrice(this.quantity);
	}

	/**
	 * A method that is not gated, called through the proxy.
	 * @return the price
	 */
	@Benchmark
	public int proxiedNotGated() {
		return this.proxied.plainPrice(this.quantity);
	}

	/**
	 * The same method advised by an interceptor that only proceeds: the cost of any advice, which
	 * the gate adds its own to.
	 * @return the price
	 */
	@Benchmark
	public int advisedPassThrough() {
		return this.passThrough.newPrice(this.quantity);
	}

	/**
	 * A gated method whose flag is on.
	 * @return the price
	 */
	@Benchmark
	public int gatedOn() {
		return this.proxied.newPrice(this.quantity);
	}

	/**
	 * A gated method whose flag is off, so its fallback runs.
	 * @return the price
	 */
	@Benchmark
	public int gatedOffFallback() {
		return this.proxied.retiredPrice(this.quantity);
	}

	/**
	 * The bean: the same arithmetic behind every entry point.
	 */
	public static class PriceCalculator {

		/**
		 * The price gated by a flag that is on.
		 * @param quantity the quantity
		 * @return the price
		 */
		@FeatureFlag(value = "new-pricing", fallback = "oldPrice")
		public int newPrice(int quantity) {
			return quantity * 9;
		}

		/**
		 * The price gated by a flag that is off.
		 * @param quantity the quantity
		 * @return the price
		 */
		@FeatureFlag(value = "retired-pricing", fallback = "oldPrice")
		public int retiredPrice(int quantity) {
			return quantity * 9;
		}

		/**
		 * The price, not gated.
		 * @param quantity the quantity
		 * @return the price
		 */
		public int plainPrice(int quantity) {
			return quantity * 9;
		}

		/**
		 * The fallback.
		 * @param quantity the quantity
		 * @return the price
		 */
		public int oldPrice(int quantity) {
			return quantity * 10;
		}

	}

	/**
	 * A flag service over one snapshot and one context, as a request would see it.
	 */
	static final class SnapshotFlagService implements FlagService {

		private final FlagSnapshot snapshot;

		private final FlagContext context;

		SnapshotFlagService(FlagSnapshot snapshot, FlagContext context) {
			this.snapshot = snapshot;
			this.context = context;
		}

		@Override
		public boolean isEnabled(String key) {
			return this.snapshot.isEnabled(key, this.context);
		}

		@Override
		public boolean isEnabled(String key, FlagContext context) {
			return this.snapshot.isEnabled(key, context);
		}

		@Override
		public String variant(String key, String defaultVariant) {
			return variant(key, this.context, defaultVariant);
		}

		@Override
		public String variant(String key, FlagContext context, String defaultVariant) {
			return this.snapshot.evaluate(key, context).variantOr(defaultVariant);
		}

		@Override
		public Evaluation evaluate(String key) {
			return this.snapshot.evaluate(key, this.context);
		}

		@Override
		public Evaluation evaluate(String key, FlagContext context) {
			return this.snapshot.evaluate(key, context);
		}

		@Override
		public FlagContext currentContext() {
			return this.context;
		}

		@Override
		public FlagSnapshot snapshot() {
			return this.snapshot;
		}

	}

}
