package dev.flags.core.lifecycle;

import java.util.Map;

import dev.flags.core.experiment.ExperimentResult;
import dev.flags.core.experiment.Status;
import org.jspecify.annotations.Nullable;

/**
 * Which experiments have a concluded analysis: the source of the
 * {@link StaleReason#CONCLUDED} rule. Whatever collects experiment results implements it;
 * without one, no experiment is reported as concluded.
 */
@FunctionalInterface
public interface ExperimentConclusions {

	/**
	 * The conclusion of an experiment's analysis.
	 * @param flagKey the key of the experiment's flag
	 * @return what the analysis concluded, in plain words, or null while it is not concluded or
	 * there is no analysis of that flag
	 */
	@Nullable String conclusion(String flagKey);

	/**
	 * No experiment is concluded.
	 * @return conclusions that never conclude
	 */
	static ExperimentConclusions none() {
		return (flagKey) -> null;
	}

	/**
	 * Conclusions read from the latest result of each experiment: concluded when a variant wins
	 * or the variants do not differ, and not while the experiment must keep running or its
	 * results cannot be trusted.
	 * @param results the latest result by flag key
	 * @return the conclusions
	 */
	static ExperimentConclusions of(Map<String, ExperimentResult> results) {
		Map<String, ExperimentResult> copy = Map.copyOf(results);
		return (flagKey) -> {
			ExperimentResult result = copy.get(flagKey);
			if (result == null) {
				return null;
			}
			Status status = result.status();
			return (status == Status.VARIANT_WINS || status == Status.NO_DIFFERENCE) ? result.explanation() : null;
		};
	}

}
