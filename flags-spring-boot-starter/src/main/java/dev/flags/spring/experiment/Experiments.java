package dev.flags.spring.experiment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.experiment.ExperimentAnalysis;
import dev.flags.core.experiment.ExperimentData;
import dev.flags.core.experiment.ExperimentDesign;
import dev.flags.core.experiment.ExperimentResult;
import dev.flags.core.experiment.ExperimentTally;
import dev.flags.core.experiment.ResultsStore;
import dev.flags.core.experiment.SequentialState;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagKind;
import dev.flags.core.model.Variant;

/**
 * The experiments of the application and their results: every flag of kind {@code experiment}
 * with variants, judged by its {@link ExperimentSettings} (the defaults when none are
 * configured), from what the {@link ResultsStore} counted.
 * <p>
 * Each look persists the sequential state with the results: the smallest sequential p-value of
 * each metric and treatment is merged into the store, and the look reports the merged value, so
 * the sequential p-values never rise from one look to the next, on any instance. Thread-safe.
 */
public final class Experiments {

	private final Supplier<FlagSnapshot> snapshots;

	private final ResultsStore store;

	private final Map<String, ExperimentSettings> settings;

	private final Clock clock;

	/**
	 * Creates the experiments.
	 * @param snapshots supplies the current definitions
	 * @param store the results store
	 * @param settings each experiment's settings, by flag key
	 * @param clock the clock for the looks' times
	 */
	public Experiments(Supplier<FlagSnapshot> snapshots, ResultsStore store, Map<String, ExperimentSettings> settings,
			Clock clock) {
		this.snapshots = snapshots;
		this.store = store;
		this.settings = Map.copyOf(settings);
		this.clock = clock;
	}

	/**
	 * The keys of the experiments: flags of kind {@code experiment} with variants, in document order.
	 * @return the keys
	 */
	public List<String> keys() {
		return this.snapshots.get()
			.definitions()
			.flags()
			.stream()
			.filter(Experiments::isExperiment)
			.map(Flag::key)
			.toList();
	}

	/**
	 * The settings of an experiment.
	 * @param key the flag key
	 * @return the configured settings, or the defaults
	 */
	public ExperimentSettings settings(String key) {
		return this.settings.getOrDefault(key, ExperimentSettings.defaults());
	}

	/**
	 * Looks at an experiment: its exposures and, when it declares metrics, the analysis.
	 * @param key the flag key
	 * @return the report, or empty when no experiment has that key
	 */
	public Optional<ExperimentReport> report(String key) {
		Optional<Flag> flag = this.snapshots.get().flag(key).filter(Experiments::isExperiment);
		return flag.map(this::report);
	}

	/**
	 * Forgets an experiment's results, to restart it: exposures, metric values and the sequential
	 * state.
	 * @param key the flag key
	 * @return false when no experiment has that key
	 */
	public boolean reset(String key) {
		if (this.snapshots.get().flag(key).filter(Experiments::isExperiment).isEmpty()) {
			return false;
		}
		this.store.clear(key);
		return true;
	}

	private ExperimentReport report(Flag flag) {
		ExperimentSettings settings = settings(flag.key());
		ExperimentTally tally = this.store.tally(flag.key());
		Map<String, Double> weights = new LinkedHashMap<>();
		for (Variant variant : flag.variants()) {
			weights.put(variant.name(), variant.weight().doubleValue());
		}
		ExperimentDesign design;
		try {
			design = settings.design(flag);
		}
		catch (IllegalArgumentException ex) {
			return new ExperimentReport(flag.key(), flag.description(), flag.enabled(), settings.controlOf(flag),
					weights, tally.users(), tally.totalUsers(), Map.of(), null, null,
					"No analysis: " + ex.getMessage() + ".", null, List.of(), this.clock.instant());
		}
		ExperimentResult result = analyze(flag.key(), settings.sequentialDesign(), design, tally.data(design));
		Map<String, Long> outside = new LinkedHashMap<>();
		tally.variantsOutside(design).forEach((variant) -> outside.put(variant, tally.users().get(variant)));
		return new ExperimentReport(flag.key(), flag.description(), flag.enabled(), design.control(), weights,
				tally.users(), tally.totalUsers(), outside, result.status(), result.primary().winner(),
				result.explanation(), ExperimentReport.Design.of(design),
				result.metrics().stream().map(ExperimentReport.MetricReport::of).toList(), this.clock.instant());
	}

	private ExperimentResult analyze(String key, String sequentialDesign, ExperimentDesign design, ExperimentData data) {
		SequentialState kept = this.store.sequentialState(key, sequentialDesign);
		ExperimentResult result = ExperimentAnalysis.analyze(design, data, kept);
		SequentialState merged = this.store.mergeSequentialState(key, sequentialDesign, result.sequentialState());
		if (!merged.equals(result.sequentialState())) {
			// Another instance kept a smaller p-value meanwhile: report that one, as it will next time.
			result = ExperimentAnalysis.analyze(design, data, merged);
		}
		return result;
	}

	private static boolean isExperiment(Flag flag) {
		return flag.kind() == FlagKind.EXPERIMENT && flag.variants().size() >= 2;
	}

}
