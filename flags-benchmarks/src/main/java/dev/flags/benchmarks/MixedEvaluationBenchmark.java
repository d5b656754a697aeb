package dev.flags.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
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
 * Every flag of the evaluation benchmarks' document in turn, each call for the next user: the JIT
 * sees every kind of flag, condition and segment at once, as in a service evaluating many flags,
 * where {@link EvaluationBenchmark} shows one flag at a time. The mean is over the document's mix
 * (an eighth each of flags on, partial rollouts with lists, kill switches, three-way experiments,
 * entitlement rules, two-rule ops flags, segment rules bucketed by account, and disabled flags).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MixedEvaluationBenchmark {

	private FlagSnapshot snapshot = FlagSnapshot.empty();

	private String[] keys = new String[0];

	private FlagContext[] contexts = new FlagContext[0];

	private int flag;

	private int user;

	/**
	 * Compiles the snapshot and prepares the users and the flag keys.
	 */
	@Setup
	public void setUp() {
		this.snapshot = FlagSnapshot.of(BenchmarkData.definitions());
		this.keys = this.snapshot.definitions().flags().stream().map(Flag::key).map(String::new).toArray(String[]::new);
		this.contexts = BenchmarkData.contexts();
		System.gc();
	}

	/**
	 * The next flag for the next user.
	 * @return whether it is on
	 */
	@Benchmark
	public boolean everyFlagInTurn() {
		int f = this.flag;
		this.flag = (f + 1 == this.keys.length) ? 0 : f + 1;
		int u = this.user;
		this.user = (u + 1) & (BenchmarkData.USERS - 1);
		return this.snapshot.isEnabled(this.keys[f], this.contexts[u]);
	}

}
