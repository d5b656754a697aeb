package dev.flags.spring.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.experiment.Metric;
import dev.flags.core.experiment.MetricKind;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.FlagKind;
import dev.flags.spring.ConversionListener;

/**
 * Attributes tracked metric events to experiments: for each experiment that declares the metric
 * and is a flag of kind {@code experiment}, the event is written for the context's unit of that
 * flag (its {@code bucketBy} attribute or the context key). The results store counts it in the
 * variant the unit was exposed to, aggregated per user, and ignores it when the unit was never
 * exposed. A metric no experiment declares is ignored.
 */
public final class ConversionTracker implements ConversionListener {

	private final Map<String, List<Target>> byMetric = new HashMap<>();

	private final ResultsRecorder recorder;

	/**
	 * Creates a tracker.
	 * @param settings each experiment's settings, by flag key
	 * @param recorder writes the events to the results store
	 */
	public ConversionTracker(Map<String, ExperimentSettings> settings, ResultsRecorder recorder) {
		settings.forEach((experiment, experimentSettings) -> {
			for (Metric metric : experimentSettings.metrics()) {
				this.byMetric.computeIfAbsent(metric.name(), (name) -> new ArrayList<>())
					.add(new Target(experiment, metric.kind()));
			}
		});
		this.recorder = recorder;
	}

	@Override
	public void onConversion(FlagContext context, String metric, double value, FlagSnapshot snapshot) {
		List<Target> targets = this.byMetric.get(metric);
		if (targets == null) {
			return;
		}
		for (Target target : targets) {
			boolean experiment = snapshot.flag(target.experiment())
				.map((flag) -> flag.kind() == FlagKind.EXPERIMENT)
				.orElse(false);
			String unit = experiment ? snapshot.unit(target.experiment(), context) : null;
			if (unit != null) {
				this.recorder.event(target.experiment(), unit, metric, target.kind(), value);
			}
		}
	}

	private record Target(String experiment, MetricKind kind) {
	}

}
