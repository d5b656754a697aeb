package dev.flags.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.eval.Murmur3;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import org.jspecify.annotations.Nullable;
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

/**
 * Evaluation over a snapshot of 1 000 flags, one call per operation, each call for the next of
 * 1 024 users, beside two floors that do the least any percentage rollout must do: look the flag
 * up and hash {@code salt:unit}.
 * <p>
 * Each benchmark returns its result so that JMH consumes it; the user index lives in this state
 * and advances every call, and the flag keys are read from fields, so nothing folds to a constant.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EvaluationBenchmark {

	private static final int MASK = BenchmarkData.USERS - 1;

	private String flagOn = BenchmarkData.FLAG_ON;

	private String flagOff = BenchmarkData.FLAG_OFF;

	private String flagRollout = BenchmarkData.FLAG_ROLLOUT;

	private String flagRule = BenchmarkData.FLAG_RULE;

	private String flagRuleThenRollout = BenchmarkData.FLAG_RULE_THEN_ROLLOUT;

	private String flagExperiment = BenchmarkData.FLAG_EXPERIMENT;

	private @Nullable String noVariant;

	private FlagSnapshot snapshot = FlagSnapshot.empty();

	private FlagContext[] contexts = new FlagContext[0];

	private Map<String, Integer> floorThresholds = new HashMap<>();

	private String[] floorInputs = new String[0];

	private byte[][] floorBytes = new byte[0][];

	private int index;

	/**
	 * Compiles the snapshot and prepares the users and the floors' inputs.
	 */
	@Setup
	public void setUp() {
		this.snapshot = FlagSnapshot.of(BenchmarkData.definitions());
		this.contexts = BenchmarkData.contexts();
		this.floorThresholds = new HashMap<>();
		for (Flag flag : this.snapshot.definitions().flags()) {
			this.floorThresholds.put(flag.key(), flag.rollout().intValue() * 1000);
		}
		this.floorInputs = new String[BenchmarkData.USERS];
		this.floorBytes = new byte[BenchmarkData.USERS][];
		for (int i = 0; i < BenchmarkData.USERS; i++) {
			this.floorInputs[i] = BenchmarkData.FLAG_ROLLOUT + ":" + BenchmarkData.userKey(i);
			this.floorBytes[i] = this.floorInputs[i].getBytes(StandardCharsets.UTF_8);
		}
		this.index = 0;
		// Compact what setup left interleaved with its garbage, so that each user's objects lie
		// together as a service's long-lived or freshly built contexts do, for every benchmark alike
		System.gc();
	}

	private int next() {
		int i = this.index;
		this.index = (i + 1) & MASK;
		return i;
	}

	/**
	 * (a) A flag on for everyone.
	 * @return whether it is on
	 */
	@Benchmark
	public boolean flagOn() {
		return this.snapshot.isEnabled(this.flagOn, this.contexts[next()]);
	}

	/**
	 * (b) A disabled flag.
	 * @return whether it is on
	 */
	@Benchmark
	public boolean flagOff() {
		return this.snapshot.isEnabled(this.flagOff, this.contexts[next()]);
	}

	/**
	 * (c) A 25 % rollout.
	 * @return whether it is on
	 */
	@Benchmark
	public boolean rollout25() {
		return this.snapshot.isEnabled(this.flagRollout, this.contexts[next()]);
	}

	/**
	 * (d) A first rule of three attribute conditions and a segment with its own rule; off for
	 * everyone else.
	 * @return whether it is on
	 */
	@Benchmark
	public boolean ruleAndSegment() {
		return this.snapshot.isEnabled(this.flagRule, this.contexts[next()]);
	}

	/**
	 * The rule of (d), with a 10 % rollout for everyone else: the cost of (d) and of (c) together.
	 * @return whether it is on
	 */
	@Benchmark
	public boolean ruleThenRollout() {
		return this.snapshot.isEnabled(this.flagRuleThenRollout, this.contexts[next()]);
	}

	/**
	 * (e) The variant of a 50/50 experiment at 100 %.
	 * @return the variant
	 */
	@Benchmark
	public @Nullable String experimentVariant() {
		return this.snapshot.variant(this.flagExperiment, this.contexts[next()], this.noVariant);
	}

	/**
	 * The floor: a map lookup of the flag, MurmurHash3 of the UTF-8 bytes of a precomputed
	 * {@code "new-search:user-N"}, and a compare of its bucket with the threshold. Encoding the
	 * string allocates its bytes, as hashing a string with a byte-array hash does.
	 * @return whether the bucket is below the threshold
	 */
	@Benchmark
	public boolean floor() {
		int threshold = this.floorThresholds.get(this.flagRollout);
		byte[] bytes = this.floorInputs[next()].getBytes(StandardCharsets.UTF_8);
		return Integer.remainderUnsigned(Murmur3.hash32(bytes), Murmur3.BUCKETS) < threshold;
	}

	/**
	 * The strict floor: as {@link #floor()}, over bytes encoded beforehand, so it allocates
	 * nothing and measures the lookup, the hash and the compare alone.
	 * @return whether the bucket is below the threshold
	 */
	@Benchmark
	public boolean floorStrict() {
		int threshold = this.floorThresholds.get(this.flagRollout);
		byte[] bytes = this.floorBytes[next()];
		return Integer.remainderUnsigned(Murmur3.hash32(bytes), Murmur3.BUCKETS) < threshold;
	}

}
