package dev.flags.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON results of a run of {@link EvaluationBenchmark} and prints a Markdown table of
 * each benchmark's time, its ratio to the floors measured in the same run, its target and the bytes
 * it allocated per call. A target is met when the mean time is within the target ratio of the mean
 * time of the floor and, where it must allocate nothing, fewer than one byte per call was seen. The
 * fastest iterations are shown beside the means: on a shared machine other work only ever adds time,
 * so their ratio is the steadier estimate of the cost without interference.
 * <p>
 * Usage: {@code java -cp benchmarks.jar dev.flags.benchmarks.Report results.json}
 */
public final class Report {

	/** Below this many bytes per call, {@code -prof gc} has seen no allocation (one object is 16). */
	private static final double NO_ALLOCATION = 1.0;

	private static final List<Row> ROWS = List.of(new Row("flagOn", "(a) flag on", 0.2, true),
			new Row("flagOff", "(b) flag off", 0.2, true), new Row("rollout25", "(c) 25 % rollout", 1.0, true),
			new Row("ruleAndSegment", "(d) 3 conditions + segment", 1.2, true),
			new Row("ruleThenRollout", "(d) then a 10 % rollout", null, true),
			new Row("experimentVariant", "(e) 50/50 variant", 1.0, false),
			new Row("floor", "floor: hash of getBytes", null, false),
			new Row("floorStrict", "strict floor: hash of bytes", null, false));

	private Report() {
	}

	/**
	 * Prints the table.
	 * @param args the path of the JMH JSON results
	 */
	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("Usage: Report <jmh-results.json>");
			System.exit(2);
		}
		Map<String, Result> results = read(Path.of(args[0]));
		int missed = print(results, System.out);
		System.out.println();
		System.out.println((missed == 0) ? "Every target met." : missed + " target(s) missed.");
	}

	static Map<String, Result> read(Path path) {
		JsonNode root = JsonMapper.builder().build().readTree(path.toFile());
		Map<String, Result> results = new LinkedHashMap<>();
		for (JsonNode benchmark : root) {
			String name = benchmark.path("benchmark").asString();
			name = name.substring(name.lastIndexOf('.') + 1);
			JsonNode primary = benchmark.path("primaryMetric");
			Double allocated = null;
			for (Map.Entry<String, JsonNode> secondary : benchmark.path("secondaryMetrics").properties()) {
				if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
					allocated = secondary.getValue().path("score").asDouble();
				}
			}
			double best = Double.NaN;
			for (JsonNode fork : primary.path("rawData")) {
				for (JsonNode iteration : fork) {
					best = Double.isNaN(best) ? iteration.asDouble() : Math.min(best, iteration.asDouble());
				}
			}
			results.put(name, new Result(primary.path("score").asDouble(), primary.path("scoreError").asDouble(), best,
					allocated));
		}
		return results;
	}

	/** Prints the table and returns the number of targets missed. */
	static int print(Map<String, Result> results, PrintStream out) {
		Result floor = results.get("floor");
		Result strict = results.get("floorStrict");
		out.println("| benchmark | ns/op | × floor | target | met? | × strict floor | best ns/op | best × floor | B/op |");
		out.println("| --- | ---: | ---: | ---: | :---: | ---: | ---: | ---: | ---: |");
		int missed = 0;
		for (Row row : ROWS) {
			Result result = results.get(row.name());
			if (result == null) {
				continue;
			}
			String met = "";
			if ((row.target() != null || row.noAllocation()) && floor != null) {
				boolean fast = row.target() == null || result.score() <= row.target() * floor.score();
				boolean quiet = !row.noAllocation() || (result.allocated() != null && result.allocated() < NO_ALLOCATION);
				met = (fast && quiet) ? "yes" : "NO";
				missed += (fast && quiet) ? 0 : 1;
			}
			out.println("| " + row.label() + " | " + format("%.2f ± %.2f", result.score(), result.error()) + " | "
					+ ratio(result, floor) + " | " + target(row) + " | " + met + " | " + ratio(result, strict) + " | "
					+ format("%.2f", result.best()) + " | " + bestRatio(result, floor) + " | "
					+ ((result.allocated() != null) ? format("%.1f", result.allocated()) : "n/a") + " |");
		}
		return missed;
	}

	private static String target(Row row) {
		String time = (row.target() != null) ? format("≤ %.1f×", row.target()) : "";
		String allocation = row.noAllocation() ? "0 B" : "";
		return (!time.isEmpty() && !allocation.isEmpty()) ? time + ", " + allocation : time + allocation;
	}

	private static String ratio(Result result, @Nullable Result floor) {
		return (floor != null) ? format("%.2f×", result.score() / floor.score()) : "n/a";
	}

	private static String bestRatio(Result result, @Nullable Result floor) {
		return (floor != null) ? format("%.2f×", result.best() / floor.best()) : "n/a";
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	/**
	 * One benchmark's measurements: the mean time per call and its error as JMH reports them, the
	 * time of its fastest iteration, and the bytes allocated per call.
	 */
	record Result(double score, double error, double best, @Nullable Double allocated) {
	}

	/** A row of the table: the benchmark, its label, its target ratio and whether it must not allocate. */
	record Row(String name, String label, @Nullable Double target, boolean noAllocation) {
	}

}
