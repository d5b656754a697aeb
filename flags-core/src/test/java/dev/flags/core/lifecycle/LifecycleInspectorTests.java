package dev.flags.core.lifecycle;

import java.time.Instant;
import java.util.List;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link LifecycleInspector}: per-flag lifecycle, stale flags, and references checked
 * both ways.
 */
class LifecycleInspectorTests {

	private final MutableClock clock = new MutableClock("2026-06-01T00:00:00Z");

	private final FlagUsage usage = new FlagUsage(this.clock);

	private final LifecycleInspector inspector = new LifecycleInspector(StaleFlagRules.defaults(), this.clock,
			this.usage, ExperimentConclusions.none());

	@Test
	void reportsEachFlagsLifecycle() {
		Definitions definitions = Definitions.of(List.of(saved(Flag.builder("banner").rollout(100).build()),
				saved(Flag.builder("ramp").rollout(10).expiresAt("2026-12-31").build())), List.of());
		this.clock.advanceDays(2);
		this.usage.tick();
		this.usage.recordEvaluation("ramp");
		LifecycleReport report = this.inspector.inspect(definitions, List.of());
		assertThat(report.time()).isEqualTo(Instant.parse("2026-06-03T00:00:00Z"));
		FlagLifecycle banner = report.flags().get(0);
		assertThat(banner.key()).isEqualTo("banner");
		assertThat(banner.state()).isEqualTo(FlagState.FULLY_ON);
		assertThat(banner.createdAt()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
		assertThat(banner.updatedAt()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
		assertThat(banner.fullyOnSince()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
		assertThat(banner.fullyOffSince()).isNull();
		assertThat(banner.lastEvaluated()).isNull();
		assertThat(banner.referenced()).isFalse();
		assertThat(banner.stale()).isNull();
		FlagLifecycle ramp = report.flags().get(1);
		assertThat(ramp.state()).isEqualTo(FlagState.PARTIAL);
		assertThat(ramp.expiresAt()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
		assertThat(ramp.lastEvaluated()).isEqualTo(Instant.parse("2026-06-03T00:00:00Z"));
		assertThat(ramp.referenced()).isTrue();
	}

	@Test
	void listsStaleFlagsAndCountsThemByKind() {
		Definitions definitions = Definitions.of(List.of(saved(Flag.builder("banner").rollout(100).build()),
				saved(Flag.builder("payments").kind(FlagKind.KILL_SWITCH).rollout(100).build()),
				saved(Flag.builder("old").enabled(false).build())), List.of());
		this.clock.advanceDays(31);
		this.usage.tick();
		List.of("banner", "payments", "old").forEach(this.usage::recordEvaluation);
		LifecycleReport report = this.inspector.inspect(definitions, List.of());
		assertThat(report.stale()).extracting(StaleFlag::key, StaleFlag::reason)
			.containsExactly(tuple("banner", StaleReason.FULLY_ON), tuple("old", StaleReason.FULLY_OFF));
		assertThat(report.flags().get(0).stale()).isEqualTo(report.stale().get(0));
		assertThat(report.flags().get(1).stale()).isNull();
		assertThat(report.staleCount(FlagKind.RELEASE)).isEqualTo(2);
		assertThat(report.staleCount(FlagKind.KILL_SWITCH)).isZero();
		assertThat(report.hasFindings()).isTrue();
	}

	@Test
	void referencesToKeysThatNoFlagHasAreUndefined() {
		Definitions definitions = Definitions.of(List.of(saved(Flag.builder("checkout").rollout(10).build())),
				List.of());
		this.usage.recordEvaluation("chekout");
		this.usage.recordEvaluation("search-v2");
		this.usage.recordEvaluation("checkout");
		List<FlagReference> references = List.of(new FlagReference("checkout", "bean 'shop' (Shop.buy())"),
				new FlagReference("search-v2", "bean 'search' (Search.find(String))"),
				new FlagReference("search-v2", "bean 'search' (Search.find(String))"));
		LifecycleReport report = this.inspector.inspect(definitions, references);
		assertThat(report.undefined()).containsExactly(new FlagReference("chekout", FlagReference.FLAG_SERVICE),
				new FlagReference("search-v2", "bean 'search' (Search.find(String))"));
		assertThat(report.unreferenced()).isEmpty();
		assertThat(report.hasFindings()).isTrue();
	}

	@Test
	void temporaryFlagsThatNothingReferencesAreRemovalCandidates() {
		Definitions definitions = Definitions.of(List.of(saved(Flag.builder("in-code").rollout(10).build()),
				saved(Flag.builder("called").rollout(10).build()), saved(Flag.builder("forgotten").rollout(10).build()),
				saved(Flag.builder("payments").kind(FlagKind.KILL_SWITCH).rollout(100).build()),
				saved(Flag.builder("plans").kind(FlagKind.ENTITLEMENT).build())), List.of());
		this.usage.recordEvaluation("called");
		LifecycleReport report = this.inspector.inspect(definitions,
				List.of(new FlagReference("in-code", "bean 'a' (A.run())")));
		assertThat(report.unreferenced()).containsExactly("forgotten");
		assertThat(report.undefined()).isEmpty();
		assertThat(report.hasFindings()).isFalse();
	}

	@Test
	void withoutUsageOnlyTheCodesReferencesCount() {
		LifecycleInspector inspector = new LifecycleInspector(StaleFlagRules.defaults(), this.clock);
		Definitions definitions = Definitions.of(List.of(saved(Flag.builder("a").rollout(10).build())), List.of());
		LifecycleReport report = inspector.inspect(definitions, List.of(new FlagReference("b", "bean 'b' (B.run())")));
		assertThat(report.unreferenced()).containsExactly("a");
		assertThat(report.undefined()).extracting(FlagReference::key).containsExactly("b");
		assertThat(report.flags().get(0).lastEvaluated()).isNull();
	}

	@Test
	void unreadableDatesAreReportedAsProblems() {
		Definitions definitions = Definitions.of(List.of(Flag.builder("a").createdAt("last week").expiresAt("Q3").build()),
				List.of());
		LifecycleReport report = this.inspector.inspect(definitions, List.of());
		assertThat(report.problems()).containsExactly(
				"flag 'a': createdAt 'last week' is not an ISO-8601 date (2027-01-31) or instant (2027-01-31T09:00:00Z)",
				"flag 'a': expiresAt 'Q3' is not an ISO-8601 date (2027-01-31) or instant (2027-01-31T09:00:00Z)");
	}

	@Test
	void saysWhenUsageStoppedTrackingNewKeys() {
		FlagUsage small = new FlagUsage(this.clock, 1);
		small.recordEvaluation("a");
		small.recordEvaluation("b");
		LifecycleInspector inspector = new LifecycleInspector(StaleFlagRules.defaults(), this.clock, small,
				ExperimentConclusions.none());
		assertThat(inspector.inspect(Definitions.empty(), List.of()).problems()).singleElement()
			.asString()
			.contains("more flag keys were asked for than are tracked");
	}

	private Flag saved(Flag flag) {
		return FlagHistory.recordSave(null, flag, this.clock.instant());
	}

}
