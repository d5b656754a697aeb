package dev.flags.spring.experiment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.experiment.InMemoryResultsStore;
import dev.flags.core.model.Condition;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.FlagKind;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Reason;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Variant;
import dev.flags.spring.DefaultFlagService;
import dev.flags.spring.FlagService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExposureTracker} behind {@link DefaultFlagService}: exposures are the units the
 * variant bucket assigned, announced once.
 */
class ExposureTrackerTests {

	static final FlagSnapshot SNAPSHOT = FlagSnapshot.of(Definitions.of(List.of(
			experiment("pricing").include("vip")
				.rule(Rule.variant("annual-first", Condition.of("plan", Operator.IN, "staff")))
				.build(),
			experiment("by-account").bucketBy("account").build(),
			experiment("banner").kind(FlagKind.RELEASE).build()), List.of()));

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	private final List<ExposureEvent> events = new CopyOnWriteArrayList<>();

	private final InMemoryResultsStore store = new InMemoryResultsStore();

	private final FlagService flags = service(this.events::add);

	@Test
	void aUnitAssignedByTheVariantBucketIsExposedOnce() {
		FlagContext user = FlagContext.of("user-1");
		String variant = this.flags.variant("pricing", user, "control");
		this.flags.variant("pricing", user, "control");
		this.flags.isEnabled("pricing", user);
		this.flags.evaluate("pricing", user);
		assertThat(this.events).containsExactly(
				new ExposureEvent("pricing", variant, "user-1", "user-1", Reason.ROLLOUT, null, NOW));
		assertThat(this.store.tally("pricing").users()).containsExactly(Map.entry(variant, 1L));
	}

	@Test
	void includedUnitsAndFixedVariantRulesAreNotExposures() {
		assertThat(this.flags.variant("pricing", FlagContext.of("vip"), "none")).isNotEqualTo("none");
		assertThat(this.flags.variant("pricing", FlagContext.of("user-7", Map.of("plan", "staff")), "none"))
			.isEqualTo("annual-first");
		assertThat(this.flags.variant("pricing", FlagContext.anonymous(), "none")).isEqualTo("control");
		assertThat(this.events).isEmpty();
		assertThat(this.store.tally("pricing").totalUsers()).isZero();
	}

	@Test
	void theUnitIsTheFlagsBucketByAttribute() {
		this.flags.variant("by-account", FlagContext.of("user-1", Map.of("account", "acme")), "control");
		this.flags.variant("by-account", FlagContext.of("user-2", Map.of("account", "acme")), "control");
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.unit()).isEqualTo("acme");
			assertThat(event.contextKey()).isEqualTo("user-1");
		});
		assertThat(this.store.tally("by-account").totalUsers()).isEqualTo(1);
	}

	@Test
	void flagsOfOtherKindsAreAnnouncedButNotAnalysed() {
		this.flags.variant("banner", FlagContext.of("user-1"), "control");
		assertThat(this.events).extracting(ExposureEvent::experiment).containsExactly("banner");
		assertThat(this.store.tally("banner").totalUsers()).isZero();
	}

	@Test
	void aFailingListenerNeitherFailsTheCallerNorStopsTheStore() {
		FlagService failing = service((event) -> {
			throw new IllegalStateException("analytics pipeline down");
		});
		assertThat(failing.variant("pricing", FlagContext.of("user-9"), "none")).isNotEqualTo("none");
		assertThat(this.store.tally("pricing").totalUsers()).isEqualTo(1);
	}

	@Test
	void theCacheIsBoundedAndTheStoreStillCountsAUserOnce() {
		ExposureTracker tracker = new ExposureTracker(List.of(this.events::add), ResultsRecorder.direct(this.store), 1,
				Clock.fixed(NOW, ZoneOffset.UTC));
		FlagService small = new DefaultFlagService(() -> SNAPSHOT, FlagContext::anonymous, List.of(tracker));
		for (int round = 0; round < 3; round++) {
			for (int user = 0; user < 20; user++) {
				small.variant("pricing", FlagContext.of("user-" + user), "control");
			}
		}
		assertThat(this.events).hasSizeGreaterThanOrEqualTo(20);
		assertThat(this.store.tally("pricing").totalUsers()).isEqualTo(20);
	}

	private FlagService service(ExposureListener listener) {
		ExposureTracker tracker = new ExposureTracker(List.of(listener), ResultsRecorder.direct(this.store), 1000,
				Clock.fixed(NOW, ZoneOffset.UTC));
		return new DefaultFlagService(() -> SNAPSHOT, FlagContext::anonymous, List.of(tracker));
	}

	static Flag.Builder experiment(String key) {
		return Flag.builder(key)
			.kind(FlagKind.EXPERIMENT)
			.rollout(100)
			.variants(Variant.of("control", 50), Variant.of("annual-first", 50));
	}

}
