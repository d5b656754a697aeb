package dev.flags.core.lifecycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagKind;
import dev.flags.core.model.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link StaleFlagRules}: each rule, judged at times a test sets.
 */
class StaleFlagRulesTests {

	private static final Instant CREATED = Instant.parse("2026-06-01T00:00:00Z");

	private final StaleFlagRules rules = StaleFlagRules.defaults();

	private final MutableClock clock = new MutableClock(CREATED);

	@Test
	void defaultsAreThirtyDays() {
		assertThat(this.rules.staleAfter()).isEqualTo(Duration.ofDays(30));
		assertThat(this.rules.unusedAfter()).isEqualTo(Duration.ofDays(30));
	}

	@Test
	void thresholdsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StaleFlagRules(Duration.ZERO, Duration.ofDays(1)))
			.withMessageContaining("staleAfter must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StaleFlagRules(Duration.ofDays(1), Duration.ofDays(-1)))
			.withMessageContaining("unusedAfter");
	}

	@Test
	void aReleaseFlagFullyOnForLongerThanTheThresholdIsStale() {
		Flag flag = saved(Flag.builder("banner").rollout(100).build());
		this.clock.advanceDays(30);
		assertThat(check(flag)).isNull();
		this.clock.advance(Duration.ofSeconds(1));
		StaleFlag stale = check(flag);
		assertThat(stale).isNotNull();
		assertThat(stale.key()).isEqualTo("banner");
		assertThat(stale.kind()).isEqualTo(FlagKind.RELEASE);
		assertThat(stale.reason()).isEqualTo(StaleReason.FULLY_ON);
		assertThat(stale.description()).isEqualTo("fully on since 2026-06-01 (30 days)");
		assertThat(stale.action()).isEqualTo("remove the flag and its off path");
	}

	@Test
	void aReleaseFlagFullyOffForLongerThanTheThresholdIsStale() {
		Flag flag = saved(Flag.builder("old-search").enabled(false).build());
		this.clock.advanceDays(45);
		StaleFlag stale = check(flag);
		assertThat(stale.reason()).isEqualTo(StaleReason.FULLY_OFF);
		assertThat(stale.description()).isEqualTo("fully off since 2026-06-01 (45 days)");
		assertThat(stale.action()).isEqualTo("remove the flag and the code it gates");
	}

	@Test
	void theClockOfTheStateRestartsWhenTheFlagLeavesIt() {
		Flag on = saved(Flag.builder("banner").rollout(100).build());
		this.clock.advanceDays(20);
		Flag ramped = FlagHistory.recordSave(on, on.withRollout(BigDecimal.valueOf(50)), this.clock.instant());
		this.clock.advanceDays(5);
		Flag onAgain = FlagHistory.recordSave(ramped, ramped.withRollout(BigDecimal.valueOf(100)),
				this.clock.instant());
		this.clock.advanceDays(29);
		assertThat(check(onAgain)).isNull();
		this.clock.advanceDays(2);
		assertThat(check(onAgain).description()).isEqualTo("fully on since 2026-06-26 (31 days)");
	}

	@Test
	void aPartiallyRolledOutFlagIsNeverStaleForItsState() {
		Flag flag = saved(Flag.builder("ramp").rollout(50).build());
		this.clock.advanceDays(365);
		assertThat(check(flag)).isNull();
	}

	@Test
	void theStaleThresholdIsConfigurable() {
		StaleFlagRules strict = new StaleFlagRules(Duration.ofDays(7), Duration.ofDays(30));
		Flag flag = saved(Flag.builder("banner").rollout(100).build());
		this.clock.advanceDays(8);
		assertThat(strict.check(flag, this.clock.instant(), null, ExperimentConclusions.none()).reason())
			.isEqualTo(StaleReason.FULLY_ON);
		assertThat(check(flag)).isNull();
	}

	@Test
	void aFlagWithoutRecordedHistoryIsDatedByItsCreation() {
		Flag handWritten = Flag.builder("banner").rollout(100).createdAt("2026-06-01T00:00:00Z").build();
		this.clock.set("2026-08-01T00:00:00Z");
		assertThat(check(handWritten).description())
			.isEqualTo("fully on since 2026-06-01 (61 days, dated by its last recorded change)");
		assertThat(check(Flag.builder("undated").rollout(100).build())).isNull();
	}

	@Test
	void aFlagPastItsExpiryIsStale() {
		Flag flag = saved(Flag.builder("checkout").rollout(25).expiresAt("2026-07-01").build());
		this.clock.set("2026-07-01T00:00:00Z");
		assertThat(check(flag)).isNull();
		this.clock.set("2026-07-03T12:00:00Z");
		StaleFlag stale = check(flag);
		assertThat(stale.reason()).isEqualTo(StaleReason.EXPIRED);
		assertThat(stale.description()).isEqualTo("past its expiresAt 2026-07-01 (2 days ago)");
		assertThat(stale.action()).isEqualTo("remove the flag, or move its expiresAt if it must stay");
	}

	@Test
	void anExpiryWithATimeCountsFromThatTime() {
		Flag flag = saved(Flag.builder("checkout").rollout(25).expiresAt("2026-07-01T12:00:00+02:00").build());
		this.clock.set("2026-07-01T09:59:59Z");
		assertThat(check(flag)).isNull();
		this.clock.set("2026-07-01T10:00:01Z");
		assertThat(check(flag).reason()).isEqualTo(StaleReason.EXPIRED);
	}

	@Test
	void aFlagNeverEvaluatedForLongerThanTheThresholdIsStale() {
		Flag flag = saved(Flag.builder("forgotten").rollout(25).build());
		FlagUsage usage = new FlagUsage(this.clock);
		this.clock.advanceDays(30);
		assertThat(check(flag, usage)).isNull();
		this.clock.advanceDays(1);
		StaleFlag stale = check(flag, usage);
		assertThat(stale.reason()).isEqualTo(StaleReason.NOT_EVALUATED);
		assertThat(stale.description()).isEqualTo("never evaluated since 2026-06-01 (31 days)");
		assertThat(stale.action()).isEqualTo("delete: never evaluated");
	}

	@Test
	void aFlagLastEvaluatedLongerAgoThanTheThresholdIsStale() {
		Flag flag = saved(Flag.builder("checkout").rollout(25).build());
		FlagUsage usage = new FlagUsage(this.clock);
		this.clock.advanceDays(10);
		usage.tick();
		usage.recordEvaluation("checkout");
		this.clock.advanceDays(30);
		assertThat(check(flag, usage)).isNull();
		this.clock.advanceDays(5);
		StaleFlag stale = check(flag, usage);
		assertThat(stale.reason()).isEqualTo(StaleReason.NOT_EVALUATED);
		assertThat(stale.description()).isEqualTo("last evaluated 2026-06-11 (35 days ago)");
		assertThat(stale.action()).isEqualTo("delete: not evaluated for 35 days");
	}

	@Test
	void aFlagCreatedAfterTrackingStartedHasTheThresholdToBeUsed() {
		FlagUsage usage = new FlagUsage(this.clock);
		this.clock.advanceDays(40);
		Flag flag = saved(Flag.builder("fresh").rollout(25).build());
		this.clock.advanceDays(10);
		assertThat(check(flag, usage)).isNull();
		this.clock.advanceDays(21);
		assertThat(check(flag, usage).description()).isEqualTo("never evaluated since 2026-07-11 (31 days)");
	}

	@Test
	void theUnusedThresholdIsConfigurable() {
		StaleFlagRules strict = new StaleFlagRules(Duration.ofDays(30), Duration.ofDays(2));
		Flag flag = saved(Flag.builder("forgotten").rollout(25).build());
		FlagUsage usage = new FlagUsage(this.clock);
		this.clock.advanceDays(3);
		assertThat(strict.check(flag, this.clock.instant(), usage, ExperimentConclusions.none()).reason())
			.isEqualTo(StaleReason.NOT_EVALUATED);
	}

	@Test
	void withoutUsageTheNotEvaluatedRuleIsSkipped() {
		Flag flag = saved(Flag.builder("forgotten").rollout(25).build());
		this.clock.advanceDays(400);
		assertThat(check(flag)).isNull();
	}

	@Test
	void anExperimentWhoseAnalysisIsConcludedIsStale() {
		Flag flag = saved(Flag.builder("pricing-page")
			.kind(FlagKind.EXPERIMENT)
			.rollout(100)
			.variants(Variant.of("control", 50), Variant.of("annual-first", 50))
			.build());
		ExperimentConclusions conclusions = Map.of("pricing-page", "annual-first wins")::get;
		StaleFlag stale = this.rules.check(flag, this.clock.instant(), null, conclusions);
		assertThat(stale.reason()).isEqualTo(StaleReason.CONCLUDED);
		assertThat(stale.description()).isEqualTo("its analysis is concluded: annual-first wins");
		assertThat(stale.action()).contains("roll the winning variant out to everyone");
		assertThat(this.rules.check(flag, this.clock.instant(), null, ExperimentConclusions.none())).isNull();
	}

	@Test
	void aRunningExperimentSplitBetweenVariantsIsNotStaleForItsState() {
		Flag flag = saved(Flag.builder("pricing-page")
			.kind(FlagKind.EXPERIMENT)
			.rollout(100)
			.variants(Variant.of("control", 50), Variant.of("annual-first", 50))
			.build());
		this.clock.advanceDays(90);
		assertThat(check(flag)).isNull();
	}

	@Test
	void anExperimentServingOneVariantToEveryoneSaysWhichCodeToKeep() {
		Flag flag = saved(Flag.builder("pricing-page")
			.kind(FlagKind.EXPERIMENT)
			.rollout(100)
			.variants(Variant.of("annual-first", 100), Variant.of("control", 0))
			.build());
		this.clock.advanceDays(31);
		assertThat(check(flag).action()).isEqualTo("remove the flag and keep only the code of variant 'annual-first'");
	}

	@Test
	void onlyExperimentsCanBeConcluded() {
		Flag release = saved(Flag.builder("checkout").rollout(25).build());
		assertThat(this.rules.check(release, this.clock.instant(), null, (key) -> "concluded")).isNull();
	}

	@Test
	void everyReasonThatAppliesIsDescribedAndTheFirstDecidesTheAction() {
		Flag flag = saved(Flag.builder("holiday-banner").rollout(100).expiresAt("2026-09-30").build());
		FlagUsage usage = new FlagUsage(this.clock);
		this.clock.set("2026-11-29T12:00:00Z");
		StaleFlag stale = check(flag, usage);
		assertThat(stale.reason()).isEqualTo(StaleReason.NOT_EVALUATED);
		assertThat(stale.description()).isEqualTo("never evaluated since 2026-06-01 (181 days); "
				+ "fully on since 2026-06-01 (181 days); past its expiresAt 2026-09-30 (60 days ago)");
		assertThat(stale.action()).isEqualTo("delete: never evaluated");
		usage.tick();
		usage.recordEvaluation("holiday-banner");
		assertThat(check(flag, usage).reason()).isEqualTo(StaleReason.FULLY_ON);
	}

	@ParameterizedTest
	@EnumSource(value = FlagKind.class, names = { "KILL_SWITCH", "OPS", "ENTITLEMENT" })
	void permanentKindsAreNeverStale(FlagKind kind) {
		Flag on = saved(Flag.builder("on").kind(kind).rollout(100).expiresAt("2026-06-02").build());
		Flag off = saved(Flag.builder("off").kind(kind).enabled(false).expiresAt("2026-06-02").build());
		FlagUsage usage = new FlagUsage(this.clock);
		this.clock.advanceDays(3650);
		ExperimentConclusions everything = (key) -> "concluded";
		assertThat(this.rules.check(on, this.clock.instant(), usage, everything)).isNull();
		assertThat(this.rules.check(off, this.clock.instant(), usage, everything)).isNull();
	}

	@ParameterizedTest
	@EnumSource(value = FlagKind.class, names = { "RELEASE", "EXPERIMENT" })
	void temporaryKindsAreChecked(FlagKind kind) {
		Flag flag = saved(Flag.builder("f").kind(kind).rollout(25).expiresAt("2026-06-02").build());
		this.clock.advanceDays(2);
		assertThat(check(flag).kind()).isEqualTo(kind);
	}

	private Flag saved(Flag flag) {
		return FlagHistory.recordSave(null, flag, this.clock.instant());
	}

	private StaleFlag check(Flag flag) {
		return this.rules.check(flag, this.clock.instant(), null, ExperimentConclusions.none());
	}

	private StaleFlag check(Flag flag, FlagUsage usage) {
		return this.rules.check(flag, this.clock.instant(), usage, ExperimentConclusions.none());
	}

}
