package dev.flags.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.flags.core.eval.Murmur3;
import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScratchBenchmark {
	String[] users = new String[1024];
	String[] full = new String[1024];
	byte[][] bytes = new byte[1024][];
	Map<String, Object> map = new HashMap<>();
	String key = "new-search";
	Murmur3.Prefix prefix = Murmur3.prefix("new-search:");
	int index;

	@Setup
	public void setUp() {
		for (int i = 0; i < 1024; i++) {
			users[i] = "user-" + i;
			full[i] = "new-search:user-" + i;
			bytes[i] = full[i].getBytes(StandardCharsets.UTF_8);
		}
		for (int i = 0; i < 1000; i++) {
			map.put(String.format("flag-%04d", i), i);
		}
		map.put(new String("new-search"), 1);
	}
	int next() { int i = index; index = (i + 1) & 1023; return i; }

	@Benchmark public int rotateOnly() { return users[next()].length(); }
	@Benchmark public Object mapGet() { next(); return map.get(key); }
	@Benchmark public int streamUnit() { return prefix.hash32(users[next()], ""); }
	@Benchmark public int streamVariant() { return prefix.hash32(users[next()], ":variant"); }
	@Benchmark public int hashBytes() { return Murmur3.hash32(bytes[next()]); }
	@Benchmark public byte[] getBytes() { return full[next()].getBytes(StandardCharsets.UTF_8); }
	@Benchmark public int getBytesHash() { return Murmur3.hash32(full[next()].getBytes(StandardCharsets.UTF_8)); }
}
