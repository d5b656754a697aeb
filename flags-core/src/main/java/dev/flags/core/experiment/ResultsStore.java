package dev.flags.core.experiment;

/**
 * Keeps what experiments observed: which variant each unit (user) was exposed to, each user's
 * value of each metric, and the sums per variant the analysis reads. The unit of analysis is the
 * user, never the event: a user is counted once per experiment, in the variant of their first
 * exposure, and a metric's events are aggregated into one value per user before they reach the
 * per-variant sums.
 * <ul>
 * <li>A {@linkplain MetricKind#BINOMIAL binomial} metric's value is 1 once the user converted
 * (their first event), else 0; further events change nothing.</li>
 * <li>A {@linkplain MetricKind#CONTINUOUS continuous} metric's value is the sum of the user's
 * events. When it changes from {@code old} to {@code new}, the variant's {@code Σx} moves by
 * {@code new − old} and its {@code Σx²} by {@code new² − old²}, so both stay sums over users and
 * the variance is the variance across users.</li>
 * <li>Events of a user who was never exposed are not counted, nor are events that arrive before
 * the exposure.</li>
 * </ul>
 * Every method is atomic: two threads or instances recording for the same user never lose an
 * update. Implementations keep state per user, so memory grows with the users exposed; each
 * implementation says how much.
 * <p>
 * Experiment keys are flag keys; metric names match {@value #METRIC_NAME_PATTERN}.
 */
public interface ResultsStore {

	/**
	 * What a metric name looks like: a letter or digit, then up to 63 letters, digits, dots,
	 * underscores or hyphens. Stores use it in keys, so it has no separator and no space.
	 */
	String METRIC_NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

	/**
	 * Checks a metric name.
	 * @param metric the name
	 * @return the name
	 * @throws IllegalArgumentException if it does not match {@value #METRIC_NAME_PATTERN}
	 */
	static String requireMetricName(String metric) {
		if (!isMetricName(metric)) {
			throw new IllegalArgumentException("metric name '" + metric + "' is not valid: it must match "
					+ METRIC_NAME_PATTERN + " (letters, digits, '.', '_' and '-', at most 64)");
		}
		return metric;
	}

	private static boolean isMetricName(String name) {
		if (name.isEmpty() || name.length() > 64 || !Character.isLetterOrDigit(name.charAt(0))) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Checks an event's value.
	 * @param metric the metric's name, for the message
	 * @param value the value
	 * @return the value
	 * @throws IllegalArgumentException if it is not finite
	 */
	static double requireFiniteValue(String metric, double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("metric '" + metric + "': an event's value must be finite, but was "
					+ value);
		}
		return value;
	}

	/**
	 * Records that a unit was exposed to a variant, unless it was exposed before.
	 * @param experiment the experiment's flag key
	 * @param unit the unit
	 * @param variant the variant
	 * @return true when this is the unit's first exposure; false when it was already exposed (to
	 * this variant or, if the weights changed, to another, which it keeps)
	 */
	boolean recordExposure(String experiment, String unit, String variant);

	/**
	 * Records a metric event of a unit.
	 * @param experiment the experiment's flag key
	 * @param unit the unit
	 * @param metric the metric's name
	 * @param kind the metric's kind, which decides how events aggregate per user
	 * @param value the event's value: ignored for a binomial metric, added to the user's value for
	 * a continuous one
	 * @return true when the unit was exposed, so the event is attributed to its variant; false
	 * when it was ignored
	 * @throws IllegalArgumentException if the value is not finite or the metric name is not valid
	 */
	boolean recordEvent(String experiment, String unit, String metric, MetricKind kind, double value);

	/**
	 * The users per variant and the per-variant sums of each metric.
	 * @param experiment the experiment's flag key
	 * @return the tally, empty when nothing was recorded
	 */
	ExperimentTally tally(String experiment);

	/**
	 * The sequential state kept for an experiment's analysis under a design.
	 * @param experiment the experiment's flag key
	 * @param design identifies the settings the state is valid for (alpha and tuning sample
	 * size); a state is never carried over to another design
	 * @return the state, {@link SequentialState#initial()} when none was kept
	 */
	SequentialState sequentialState(String experiment, String design);

	/**
	 * Keeps a look's sequential state, merged with the kept one by taking the smaller p-value of
	 * each metric and treatment, so the kept p-values never rise, whichever instance looks.
	 * @param experiment the experiment's flag key
	 * @param design identifies the settings the state is valid for
	 * @param state the state of this look
	 * @return the kept state after the merge
	 */
	SequentialState mergeSequentialState(String experiment, String design, SequentialState state);

	/**
	 * Forgets everything recorded for an experiment, to restart it.
	 * @param experiment the experiment's flag key
	 */
	void clear(String experiment);

}
