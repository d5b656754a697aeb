package dev.flags.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.flags.core.model.FlagContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What building a context costs: a service builds one per request or job, then evaluates many
 * flags with it. The context does some work once here (the key's UTF-8 bytes and hash, a lookup
 * table of its attributes) so that each evaluation does not; this measures that once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ContextBenchmark {

	private static final List<String> GROUPS = List.of("beta", "newsletter");

	private int index;

	/**
	 * A context with a key and the seven attributes of the evaluation benchmarks' users.
	 * @return the context
	 */
	@Benchmark
	public FlagContext buildContext() {
		int i = this.index;
		this.index = (i + 1) & 1023;
		return FlagContext.builder(BenchmarkData.userKey(i))
			.attribute("plan", "pro")
			.attribute("country", "DE")
			.attribute("groups", GROUPS)
			.attribute("email", "someone@example.com")
			.attribute("age", 31)
			.attribute("accountId", "account-7")
			.attribute("signupDate", "2025-03-14")
			.build();
	}

}
