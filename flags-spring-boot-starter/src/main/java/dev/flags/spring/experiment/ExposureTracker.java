package dev.flags.spring.experiment;

import java.time.Clock;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.experiment.Exposure;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.FlagKind;
import dev.flags.spring.FlagEvaluationListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Turns decisions into exposures. A decision is an exposure when the variant bucket assigned the
 * variant (see {@link Exposure#of}): not when the unit is in the flag's {@code include} list, not
 * when a rule serves a fixed variant, and not without a unit. Any flag with variants gives
 * exposure events; only flags of kind {@code experiment} are written to the results store, since
 * only those are analysed.
 * <p>
 * Each {@code (flag, unit)} is announced once per instance while a bounded cache remembers it; the
 * results store's per-user record is what counts a user once across instances and restarts. A
 * decision that is not an exposure costs two field reads; a repeated exposure, one cache lookup.
 */
public final class ExposureTracker implements FlagEvaluationListener {

	private static final Log logger = LogFactory.getLog(ExposureTracker.class);

	private final Cache<Exposure, Boolean> seen;

	private final ExposureListener[] listeners;

	private final @Nullable ResultsRecorder recorder;

	private final Clock clock;

	private volatile boolean listenerFailureLogged;

	/**
	 * Creates a tracker.
	 * @param listeners told of each new exposure
	 * @param recorder writes exposures of experiment flags to the results store, or null for none
	 * @param cacheSize how many {@code (flag, unit)} pairs to remember, per instance
	 * @param clock the clock for the events' timestamps
	 */
	public ExposureTracker(List<ExposureListener> listeners, @Nullable ResultsRecorder recorder, long cacheSize,
			Clock clock) {
		if (cacheSize < 1) {
			throw new IllegalArgumentException("the exposure cache size must be at least 1, but was " + cacheSize);
		}
		this.seen = Caffeine.newBuilder().maximumSize(cacheSize).build();
		this.listeners = listeners.toArray(new ExposureListener[0]);
		this.recorder = recorder;
		this.clock = clock;
	}

	@Override
	public void onEvaluation(String key, Evaluation evaluation) {
		// Without the context there is no unit, so nothing to record.
	}

	@Override
	public void onEvaluation(String key, Evaluation evaluation, FlagContext context, FlagSnapshot snapshot) {
		if (evaluation.variant() == null || !evaluation.enabled()) {
			return;
		}
		Exposure exposure = Exposure.of(snapshot, key, evaluation, context);
		if (exposure == null || this.seen.asMap().putIfAbsent(exposure, Boolean.TRUE) != null) {
			return;
		}
		if (this.recorder != null && isExperiment(snapshot, key)) {
			this.recorder.exposure(exposure);
		}
		if (this.listeners.length != 0) {
			ExposureEvent event = new ExposureEvent(key, exposure.variant(), exposure.unit(), context.key(),
					evaluation.reason(), evaluation.rule(), this.clock.instant());
			for (ExposureListener listener : this.listeners) {
				try {
					listener.onExposure(event);
				}
				catch (RuntimeException ex) {
					if (!this.listenerFailureLogged) {
						this.listenerFailureLogged = true;
						logger.warn("Exposure listener " + listener.getClass().getName()
								+ " failed; further failures are not logged", ex);
					}
				}
			}
		}
	}

	/**
	 * Forgets the exposures this instance announced for a flag, so that they are announced and
	 * recorded again: for a restarted experiment.
	 * @param key the flag key
	 */
	public void forget(String key) {
		this.seen.asMap().keySet().removeIf((exposure) -> exposure.experiment().equals(key));
	}

	private static boolean isExperiment(FlagSnapshot snapshot, String key) {
		return snapshot.flag(key).map((flag) -> flag.kind() == FlagKind.EXPERIMENT).orElse(false);
	}

}
