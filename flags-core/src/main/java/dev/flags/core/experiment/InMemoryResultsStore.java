package dev.flags.core.experiment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ResultsStore} in the heap of one process: the embedded default, for one instance or a
 * demo. Everything is lost when the process stops; {@link FileResultsStore} keeps it in a file.
 * <p>
 * Each experiment has its own lock, so recording is atomic per experiment and experiments never
 * wait for each other. Memory: each exposed user costs an entry of about 100 bytes plus the
 * unit's characters, and about 50 bytes more once the user has metric values (two small arrays);
 * a million users take in the order of 150 MB. Thread-safe.
 */
public final class InMemoryResultsStore implements ResultsStore {

	private final ConcurrentMap<String, Records> experiments = new ConcurrentHashMap<>();

	private final AtomicLong changes = new AtomicLong();

	@Override
	public boolean recordExposure(String experiment, String unit, String variant) {
		Records records = records(experiment);
		synchronized (records) {
			if (records.users.containsKey(unit)) {
				return false;
			}
			records.expose(unit, variant);
		}
		this.changes.incrementAndGet();
		return true;
	}

	@Override
	public boolean recordEvent(String experiment, String unit, String metric, MetricKind kind, double value) {
		ResultsStore.requireMetricName(metric);
		ResultsStore.requireFiniteValue(metric, value);
		Records records = this.experiments.get(experiment);
		if (records == null) {
			return false;
		}
		synchronized (records) {
			User user = records.users.get(unit);
			if (user == null) {
				return false;
			}
			int index = user.indexOf(metric);
			if (kind == MetricKind.BINOMIAL) {
				if (index >= 0) {
					return true;
				}
				records.set(user, metric, -1, 1);
			}
			else {
				double before = (index >= 0) ? user.values[index] : 0;
				records.set(user, metric, index, before + value);
			}
		}
		this.changes.incrementAndGet();
		return true;
	}

	@Override
	public ExperimentTally tally(String experiment) {
		Records records = this.experiments.get(experiment);
		if (records == null) {
			return ExperimentTally.empty();
		}
		synchronized (records) {
			Map<String, Map<String, ExperimentTally.Sums>> sums = new LinkedHashMap<>();
			records.sums.forEach((metric, byVariant) -> {
				Map<String, ExperimentTally.Sums> copy = new LinkedHashMap<>();
				byVariant.forEach((variant, pair) -> copy.put(variant, new ExperimentTally.Sums(pair[0], pair[1])));
				sums.put(metric, copy);
			});
			return new ExperimentTally(records.exposed, sums);
		}
	}

	@Override
	public SequentialState sequentialState(String experiment, String design) {
		Records records = this.experiments.get(experiment);
		if (records == null) {
			return SequentialState.initial();
		}
		synchronized (records) {
			return records.sequential.getOrDefault(design, SequentialState.initial());
		}
	}

	@Override
	public SequentialState mergeSequentialState(String experiment, String design, SequentialState state) {
		Records records = records(experiment);
		SequentialState merged;
		synchronized (records) {
			merged = SequentialStates.minimum(records.sequential.getOrDefault(design, SequentialState.initial()), state);
			records.sequential.put(design, merged);
		}
		this.changes.incrementAndGet();
		return merged;
	}

	@Override
	public void clear(String experiment) {
		if (this.experiments.remove(experiment) != null) {
			this.changes.incrementAndGet();
		}
	}

	/**
	 * How many changes were made so far; a file store writes when it moved.
	 * @return the count of changes
	 */
	long changes() {
		return this.changes.get();
	}

	/**
	 * Hands every record to a visitor, each experiment under its lock, so the records of one
	 * experiment are consistent with each other.
	 * @param visitor the visitor
	 */
	void export(Visitor visitor) {
		for (Map.Entry<String, Records> entry : this.experiments.entrySet()) {
			Records records = entry.getValue();
			synchronized (records) {
				visitor.experiment(entry.getKey());
				for (Map.Entry<String, User> user : records.users.entrySet()) {
					User value = user.getValue();
					visitor.exposure(user.getKey(), value.variant);
					for (int i = 0; i < value.metrics.length; i++) {
						visitor.value(user.getKey(), value.metrics[i], value.values[i]);
					}
				}
				records.sequential.forEach((design, state) -> state.minimumPValues()
					.forEach((metric, byVariant) -> byVariant.forEach((variant, p) -> visitor.sequential(design, metric,
							variant, p))));
			}
		}
	}

	/**
	 * Restores a user's exposure read back from a file.
	 * @param experiment the experiment
	 * @param unit the unit
	 * @param variant the variant
	 * @return false when the unit was already exposed
	 */
	boolean restoreExposure(String experiment, String unit, String variant) {
		return recordExposure(experiment, unit, variant);
	}

	/**
	 * Restores a user's value of a metric read back from a file, adding it to the sums.
	 * @param experiment the experiment
	 * @param unit the unit, already exposed
	 * @param metric the metric
	 * @param value the user's value
	 * @return false when the unit was not exposed or already has a value of the metric
	 */
	boolean restoreValue(String experiment, String unit, String metric, double value) {
		ResultsStore.requireMetricName(metric);
		ResultsStore.requireFiniteValue(metric, value);
		Records records = this.experiments.get(experiment);
		if (records == null) {
			return false;
		}
		synchronized (records) {
			User user = records.users.get(unit);
			if (user == null || user.indexOf(metric) >= 0) {
				return false;
			}
			records.set(user, metric, -1, value);
		}
		return true;
	}

	private Records records(String experiment) {
		return this.experiments.computeIfAbsent(experiment, (key) -> new Records());
	}

	/**
	 * Receives the records of {@link #export}.
	 */
	interface Visitor {

		void experiment(String experiment);

		void exposure(String unit, String variant);

		void value(String unit, String metric, double value);

		void sequential(String design, String metric, String variant, double pValue);

	}

	/** One experiment's users, counters and sequential states; guarded by itself. */
	private static final class Records {

		final Map<String, User> users = new HashMap<>();

		final Map<String, Long> exposed = new LinkedHashMap<>();

		/** Metric, then variant, to {Σx, Σx²}. */
		final Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();

		final Map<String, SequentialState> sequential = new LinkedHashMap<>();

		void expose(String unit, String variant) {
			String interned = variant;
			for (String known : this.exposed.keySet()) {
				if (known.equals(variant)) {
					interned = known;
					break;
				}
			}
			this.users.put(unit, new User(interned));
			this.exposed.merge(interned, 1L, Long::sum);
		}

		/** Sets a user's value of a metric, moving the variant's sums by the difference. */
		void set(User user, String metric, int index, double value) {
			double before = (index >= 0) ? user.values[index] : 0;
			double[] pair = this.sums.computeIfAbsent(metric, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(user.variant, (key) -> new double[2]);
			pair[0] += value - before;
			pair[1] += value * value - before * before;
			user.put(metric, index, value);
		}

	}

	/** A user's variant and metric values, in two parallel arrays to keep the entry small. */
	private static final class User {

		private static final String[] NO_METRICS = {};

		private static final double[] NO_VALUES = {};

		final String variant;

		String[] metrics = NO_METRICS;

		double[] values = NO_VALUES;

		User(String variant) {
			this.variant = variant;
		}

		int indexOf(String metric) {
			for (int i = 0; i < this.metrics.length; i++) {
				if (this.metrics[i].equals(metric)) {
					return i;
				}
			}
			return -1;
		}

		void put(String metric, int index, double value) {
			if (index >= 0) {
				this.values[index] = value;
				return;
			}
			this.metrics = Arrays.copyOf(this.metrics, this.metrics.length + 1);
			this.values = Arrays.copyOf(this.values, this.values.length + 1);
			this.metrics[this.metrics.length - 1] = metric;
			this.values[this.values.length - 1] = value;
		}

	}

}
