package dev.flags.spring.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flags.core.experiment.ExperimentTally;
import dev.flags.core.experiment.MetricKind;
import dev.flags.core.experiment.ResultsStore;
import dev.flags.core.experiment.SequentialState;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A {@link ResultsStore} in Redis, shared by every instance of an application.
 * <h2>Layout</h2>
 * With the key prefix {@code flags}, each experiment has two hashes that share the hash tag
 * {@code {flags:experiment:<key>}}, so the scripts that touch both work on Redis Cluster, and
 * different experiments spread over the cluster's slots:
 * <ul>
 * <li>{@code {flags:experiment:<key>}:users}, the per-user state: {@code v:<unit>} is the variant
 * of the unit's first exposure, {@code m:<metric>:<unit>} the user's value of a metric (1 for a
 * binomial metric once converted, the sum of the events for a continuous one);</li>
 * <li>{@code {flags:experiment:<key>}:stats}, the counters the analysis reads:
 * {@code n:<variant>} the users exposed, {@code s:<metric>:<variant>} and
 * {@code q:<metric>:<variant>} the sum and sum of squares of the users' values, and
 * {@code p:<design>:<metric>:<variant>} the smallest sequential p-value seen.</li>
 * </ul>
 * <h2>Atomicity</h2>
 * Every write is one Lua script that reads the user's state and updates it and the counters
 * together, so concurrent events of one user, from any number of instances, are never lost or
 * counted twice, and the per-variant sums always equal the sums over the per-user values (up to
 * floating-point rounding of continuous values).
 * <h2>Memory</h2>
 * One hash field per exposed user, plus one per user and metric with an event: with short units
 * and names, about 100 bytes per user and 100 more per metric the user has an event of, so a
 * million users with two metrics take in the order of 200 to 300 MB. Delete the two keys, or call
 * {@link #clear}, when an experiment is over; the flag store's keys are not touched.
 * <p>
 * Redis failures are thrown as Spring's {@code DataAccessException}. Thread-safe.
 */
public final class RedisResultsStore implements ResultsStore {

	private static final RedisScript<Long> EXPOSURE = script("exposure.lua", Long.class);

	private static final RedisScript<Long> EVENT = script("event.lua", Long.class);

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static final RedisScript<List<String>> SEQUENTIAL = script("sequential.lua", (Class) List.class);

	private final StringRedisTemplate redis;

	private final String prefix;

	/**
	 * Creates a store.
	 * @param connectionFactory the connection factory
	 * @param keyPrefix the prefix of the keys, for example {@code flags}
	 */
	public RedisResultsStore(RedisConnectionFactory connectionFactory, String keyPrefix) {
		if (keyPrefix.isEmpty() || keyPrefix.contains("{") || keyPrefix.contains("}")) {
			throw new IllegalArgumentException(
					"The key prefix of the Redis results store must be non-empty and without braces, but was '"
							+ keyPrefix + "'");
		}
		this.redis = new StringRedisTemplate(connectionFactory);
		this.redis.afterPropertiesSet();
		this.prefix = keyPrefix;
	}

	@Override
	public boolean recordExposure(String experiment, String unit, String variant) {
		Long first = this.redis.execute(EXPOSURE, keys(experiment), unit, variant);
		return first != null && first == 1;
	}

	@Override
	public boolean recordEvent(String experiment, String unit, String metric, MetricKind kind, double value) {
		ResultsStore.requireMetricName(metric);
		ResultsStore.requireFiniteValue(metric, value);
		String type = (kind == MetricKind.BINOMIAL) ? "binomial" : "continuous";
		Long counted = this.redis.execute(EVENT, keys(experiment), unit, metric, type, Double.toString(value));
		return counted != null && counted == 1;
	}

	@Override
	public ExperimentTally tally(String experiment) {
		Map<Object, Object> stats = this.redis.opsForHash().entries(keys(experiment).get(1));
		Map<String, String> fields = new LinkedHashMap<>();
		stats.forEach((field, value) -> fields.put((String) field, (String) value));
		return tally(fields);
	}

	@Override
	public SequentialState sequentialState(String experiment, String design) {
		return sequential(design, this.redis.<String, String>opsForHash().entries(keys(experiment).get(1)));
	}

	@Override
	public SequentialState mergeSequentialState(String experiment, String design, SequentialState state) {
		requireDesign(design);
		List<String> args = new ArrayList<>();
		args.add(design);
		state.minimumPValues().forEach((metric, byVariant) -> byVariant.forEach((variant, p) -> {
			args.add(metric);
			args.add(variant);
			args.add(Double.toString(p));
		}));
		List<String> reply = this.redis.execute(SEQUENTIAL, keys(experiment), args.toArray());
		Map<String, String> fields = new LinkedHashMap<>();
		if (reply != null) {
			for (int i = 0; i + 1 < reply.size(); i += 2) {
				fields.put(reply.get(i), reply.get(i + 1));
			}
		}
		return sequential(design, fields);
	}

	@Override
	public void clear(String experiment) {
		this.redis.delete(keys(experiment));
	}

	private List<String> keys(String experiment) {
		if (experiment.contains("{") || experiment.contains("}")) {
			throw new IllegalArgumentException("experiment key '" + experiment + "' may not contain braces");
		}
		String tag = "{" + this.prefix + ":experiment:" + experiment + "}:";
		return List.of(tag + "users", tag + "stats");
	}

	private static ExperimentTally tally(Map<String, String> fields) {
		Map<String, Long> users = new LinkedHashMap<>();
		Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();
		fields.forEach((field, value) -> {
			if (field.startsWith("n:")) {
				users.put(field.substring(2), Long.parseLong(value));
			}
			else if (field.startsWith("s:") || field.startsWith("q:")) {
				int separator = field.indexOf(':', 2);
				double[] pair = sums.computeIfAbsent(field.substring(2, separator), (metric) -> new LinkedHashMap<>())
					.computeIfAbsent(field.substring(separator + 1), (variant) -> new double[2]);
				pair[field.startsWith("s:") ? 0 : 1] = Double.parseDouble(value);
			}
		});
		Map<String, Map<String, ExperimentTally.Sums>> tallied = new LinkedHashMap<>();
		sums.forEach((metric, byVariant) -> {
			Map<String, ExperimentTally.Sums> converted = new LinkedHashMap<>();
			byVariant.forEach((variant, pair) -> converted.put(variant, new ExperimentTally.Sums(pair[0], pair[1])));
			tallied.put(metric, converted);
		});
		return new ExperimentTally(users, tallied);
	}

	private static SequentialState sequential(String design, Map<String, String> fields) {
		requireDesign(design);
		String prefix = "p:" + design + ":";
		Map<String, Map<String, Double>> minimum = new LinkedHashMap<>();
		fields.forEach((field, value) -> {
			if (field.startsWith(prefix)) {
				int separator = field.indexOf(':', prefix.length());
				minimum.computeIfAbsent(field.substring(prefix.length(), separator), (metric) -> new LinkedHashMap<>())
					.put(field.substring(separator + 1), Double.parseDouble(value));
			}
		});
		return new SequentialState(minimum);
	}

	private static void requireDesign(String design) {
		if (design.isEmpty() || design.indexOf(':') >= 0) {
			throw new IllegalArgumentException("a sequential design name must be non-empty and without ':', but was '"
					+ design + "'");
		}
	}

	private static <T> RedisScript<T> script(String name, Class<T> type) {
		try (InputStream in = RedisResultsStore.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing script resource " + name);
			}
			return new DefaultRedisScript<>(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read script resource " + name, ex);
		}
	}

}
