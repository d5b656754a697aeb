package dev.flags.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.flags.core.experiment.AnalysisMethod;
import dev.flags.core.experiment.Goal;
import dev.flags.core.experiment.MetricKind;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of experiments, under the {@code flags.experiments} prefix.
 */
@ConfigurationProperties("flags.experiments")
public class ExperimentsProperties {

	/**
	 * Whether to record exposures and metric events of experiments and analyse them.
	 */
	private boolean enabled = true;

	/**
	 * How many flag and unit pairs each instance remembers, to announce each exposure once.
	 * A pair forgotten is announced again; the results store still counts the user once.
	 */
	private long exposureCacheSize = 100000;

	private final Results results = new Results();

	/**
	 * Each experiment's design, by flag key: the control, the metrics and the error rates.
	 * The variants and weights are the flag's own. Write a key with a dot in brackets, for
	 * example 'flags.experiments.designs[pricing.v2].control'.
	 */
	private Map<String, Design> designs = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public long getExposureCacheSize() {
		return this.exposureCacheSize;
	}

	public void setExposureCacheSize(long exposureCacheSize) {
		this.exposureCacheSize = exposureCacheSize;
	}

	public Results getResults() {
		return this.results;
	}

	public Map<String, Design> getDesigns() {
		return this.designs;
	}

	public void setDesigns(Map<String, Design> designs) {
		this.designs = designs;
	}

	/**
	 * Where exposures and metric values are kept.
	 */
	public static class Results {

		/**
		 * Which store keeps the results.
		 */
		private ResultsStoreType store = ResultsStoreType.AUTO;

		private final File file = new File();

		private final Redis redis = new Redis();

		public ResultsStoreType getStore() {
			return this.store;
		}

		public void setStore(ResultsStoreType store) {
			this.store = store;
		}

		public File getFile() {
			return this.file;
		}

		public Redis getRedis() {
			return this.redis;
		}

	}

	/**
	 * The file results store.
	 */
	public static class File {

		/**
		 * Path of the results file. Setting it chooses the file store when the store is 'auto'.
		 */
		private @Nullable Path path;

		/**
		 * How often changed results are written to the file; they are also written on
		 * shutdown. A crash loses at most this long of results.
		 */
		private Duration flushInterval = Duration.ofSeconds(10);

		public @Nullable Path getPath() {
			return this.path;
		}

		public void setPath(@Nullable Path path) {
			this.path = path;
		}

		public Duration getFlushInterval() {
			return this.flushInterval;
		}

		public void setFlushInterval(Duration flushInterval) {
			this.flushInterval = flushInterval;
		}

	}

	/**
	 * The Redis results store.
	 */
	public static class Redis {

		/**
		 * Prefix of the keys; each experiment's keys have the hash tag
		 * '{prefix:experiment:key}'.
		 */
		private String keyPrefix = "flags";

		/**
		 * How many records may wait to be written to Redis; more are dropped and counted,
		 * so that a slow Redis never slows requests down.
		 */
		private int queueCapacity = 10000;

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

	}

	/**
	 * How one experiment is judged.
	 */
	public static class Design {

		/**
		 * The control variant. Defaults to the flag's first variant.
		 */
		private @Nullable String control;

		/**
		 * The metrics, by name; the first is the primary metric, which decides the
		 * experiment's status.
		 */
		private Map<String, MetricProperties> metrics = new LinkedHashMap<>();

		/**
		 * The false-positive rate, two-sided.
		 */
		private double alpha = 0.05;

		/**
		 * The chance to detect the minimum detectable effect, for the sample size.
		 */
		private double power = 0.8;

		/**
		 * The number of users, control plus treatment, at which a decision is expected; the
		 * sequential test is tightest there.
		 */
		private long tuningSampleSize = 5000;

		/**
		 * Which inference decides the status. Both are always reported.
		 */
		private AnalysisMethod method = AnalysisMethod.SEQUENTIAL;

		public @Nullable String getControl() {
			return this.control;
		}

		public void setControl(@Nullable String control) {
			this.control = control;
		}

		public Map<String, MetricProperties> getMetrics() {
			return this.metrics;
		}

		public void setMetrics(Map<String, MetricProperties> metrics) {
			this.metrics = metrics;
		}

		public double getAlpha() {
			return this.alpha;
		}

		public void setAlpha(double alpha) {
			this.alpha = alpha;
		}

		public double getPower() {
			return this.power;
		}

		public void setPower(double power) {
			this.power = power;
		}

		public long getTuningSampleSize() {
			return this.tuningSampleSize;
		}

		public void setTuningSampleSize(long tuningSampleSize) {
			this.tuningSampleSize = tuningSampleSize;
		}

		public AnalysisMethod getMethod() {
			return this.method;
		}

		public void setMethod(AnalysisMethod method) {
			this.method = method;
		}

	}

	/**
	 * A metric of an experiment.
	 */
	public static class MetricProperties {

		/**
		 * Whether users convert (binomial: counted once per user) or have a value (continuous:
		 * summed per user, for example revenue).
		 */
		private MetricKind kind = MetricKind.BINOMIAL;

		/**
		 * The smallest relative change of the control's mean worth detecting, for example
		 * 0.05 for 5 %.
		 */
		private double minimumDetectableEffect = 0.05;

		/**
		 * Which direction is better.
		 */
		private Goal goal = Goal.INCREASE;

		public MetricKind getKind() {
			return this.kind;
		}

		public void setKind(MetricKind kind) {
			this.kind = kind;
		}

		public double getMinimumDetectableEffect() {
			return this.minimumDetectableEffect;
		}

		public void setMinimumDetectableEffect(double minimumDetectableEffect) {
			this.minimumDetectableEffect = minimumDetectableEffect;
		}

		public Goal getGoal() {
			return this.goal;
		}

		public void setGoal(Goal goal) {
			this.goal = goal;
		}

	}

}
