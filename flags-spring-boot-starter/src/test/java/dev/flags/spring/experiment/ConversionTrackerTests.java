package dev.flags.spring.experiment;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.experiment.AnalysisMethod;
import dev.flags.core.experiment.ExperimentData;
import dev.flags.core.experiment.ExperimentDesign;
import dev.flags.core.experiment.InMemoryResultsStore;
import dev.flags.core.experiment.Metric;
import dev.flags.core.experiment.VariantStatistics;
import dev.flags.core.model.FlagContext;
import dev.flags.spring.DefaultFlagService;
import dev.flags.spring.FlagService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FlagService#track} through {@link ConversionTracker}: events are attributed to
 * the variant each user was exposed to and aggregated per user.
 */
class ConversionTrackerTests {

	private static final FlagSnapshot SNAPSHOT = ExposureTrackerTests.SNAPSHOT;

	private static final ExperimentSettings PRICING = new ExperimentSettings(null,
			List.of(Metric.binomial("subscribed", 0.1), Metric.continuous("revenue", 0.1)), 0.05, 0.8, 5000,
			AnalysisMethod.SEQUENTIAL);

	private final InMemoryResultsStore store = new InMemoryResultsStore();

	private FlagContext current = FlagContext.anonymous();

	private final FlagService flags = service();

	@Test
	void eventsCountPerUserInTheVariantTheUserWasExposedTo() {
		FlagContext ann = FlagContext.of("ann");
		String variant = this.flags.variant("pricing", ann, "control");
		this.flags.track(ann, "subscribed");
		this.flags.track(ann, "subscribed");
		this.flags.track(ann, "revenue", 90);
		this.flags.track(ann, "revenue", 9);
		ExperimentData data = data();
		assertThat(data.statistics("subscribed", variant)).isEqualTo(VariantStatistics.ofConversions(1, 1));
		assertThat(data.statistics("revenue", variant)).isEqualTo(VariantStatistics.ofValues(99));
	}

	@Test
	void theCurrentContextIsTrackedWithoutNamingIt() {
		this.current = FlagContext.of("bob");
		String variant = this.flags.variant("pricing", "control");
		this.flags.track("subscribed");
		this.flags.track("revenue", 9.5);
		assertThat(data().statistics("revenue", variant)).isEqualTo(VariantStatistics.ofValues(9.5));
	}

	@Test
	void usersNeverExposedAndUndeclaredMetricsAreNotCounted() {
		this.flags.track(FlagContext.of("stranger"), "subscribed");
		this.flags.variant("pricing", FlagContext.of("vip"), "control");
		this.flags.track(FlagContext.of("vip"), "subscribed");
		FlagContext ann = FlagContext.of("ann");
		this.flags.variant("pricing", ann, "control");
		this.flags.track(ann, "clicked");
		assertThat(this.store.tally("pricing").totalUsers()).isEqualTo(1);
		assertThat(this.store.tally("pricing").sums()).isEmpty();
	}

	@Test
	void badEventsAreRefusedWithTheReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.flags.track("revenue", Double.POSITIVE_INFINITY))
			.withMessageContaining("'revenue'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.flags.track("sign up"))
			.withMessageContaining("'sign up'");
	}

	private ExperimentData data() {
		ExperimentDesign design = PRICING.design(SNAPSHOT.flag("pricing").orElseThrow());
		return this.store.tally("pricing").data(design);
	}

	private FlagService service() {
		ResultsRecorder recorder = ResultsRecorder.direct(this.store);
		ExposureTracker exposures = new ExposureTracker(List.of(), recorder, 1000, Clock.systemUTC());
		ConversionTracker conversions = new ConversionTracker(Map.of("pricing", PRICING), recorder);
		return new DefaultFlagService(() -> SNAPSHOT, () -> this.current, List.of(exposures), List.of(conversions));
	}

}
