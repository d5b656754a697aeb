package dev.flags.core.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagHistory}: what a write records, and how a definition's history is read.
 */
class FlagHistoryTests {

	private static final Instant MAY = Instant.parse("2026-05-01T10:00:00Z");

	private static final Instant JUNE = Instant.parse("2026-06-01T10:00:00.123456Z");

	@Test
	void creatingAFlagRecordsItsCreationUpdateAndState() {
		Flag created = FlagHistory.recordSave(null, Flag.builder("f").rollout(100).build(), MAY);
		assertThat(created.createdAt()).isEqualTo("2026-05-01T10:00:00Z");
		assertThat(created.extra()).containsEntry(FlagHistory.UPDATED_AT, "2026-05-01T10:00:00Z")
			.containsEntry(FlagHistory.FULLY_ON_SINCE, "2026-05-01T10:00:00Z")
			.doesNotContainKey(FlagHistory.FULLY_OFF_SINCE);
		FlagHistory history = FlagHistory.of(created);
		assertThat(history.createdAt()).isEqualTo(MAY);
		assertThat(history.fullyOnSince()).isEqualTo(MAY);
		assertThat(history.fullyOffSince()).isNull();
		assertThat(history.sinceEstimated()).isFalse();
	}

	@Test
	void aGivenCreationTimeIsKeptAndTimesAreWrittenToTheSecond() {
		Flag created = FlagHistory.recordSave(null, Flag.builder("f").createdAt("2026-01-01").build(), JUNE);
		assertThat(created.createdAt()).isEqualTo("2026-01-01");
		assertThat(created.extra()).containsEntry(FlagHistory.UPDATED_AT, "2026-06-01T10:00:00Z");
	}

	@Test
	void anUpdateKeepsTheCreationTimeAndTheStateSinceWhileTheStateStays() {
		Flag stored = FlagHistory.recordSave(null, Flag.builder("f").rollout(100).build(), MAY);
		Flag sent = Flag.builder("f").rollout(100).description("now described").build();
		Flag updated = FlagHistory.recordSave(stored, sent, JUNE);
		assertThat(updated.createdAt()).isEqualTo("2026-05-01T10:00:00Z");
		assertThat(updated.extra()).containsEntry(FlagHistory.UPDATED_AT, "2026-06-01T10:00:00Z")
			.containsEntry(FlagHistory.FULLY_ON_SINCE, "2026-05-01T10:00:00Z");
	}

	@Test
	void aWriteRecordsWhoMadeItAndReplacesWhatAWriterSentThere() {
		Flag stored = FlagHistory.recordSave(null, Flag.builder("f").rollout(100).build(), MAY, "alice");
		assertThat(stored.extra()).containsEntry(FlagHistory.UPDATED_BY, "alice");
		assertThat(FlagHistory.updatedBy(stored)).isEqualTo("alice");
		Flag forged = stored.toBuilder().extra(java.util.Map.of(FlagHistory.UPDATED_BY, "mallory")).build();
		Flag byBob = FlagHistory.recordSave(stored, forged, JUNE, "bob");
		assertThat(FlagHistory.updatedBy(byBob)).isEqualTo("bob");
		// A write whose actor is unknown leaves no name behind, not the previous writer's
		Flag unknown = FlagHistory.recordSave(byBob, byBob, JUNE);
		assertThat(unknown.extra()).doesNotContainKey(FlagHistory.UPDATED_BY);
		assertThat(FlagHistory.updatedBy(unknown)).isNull();
	}

	@Test
	void leavingAStateRemovesItsSinceAndEnteringOneStartsIt() {
		Flag on = FlagHistory.recordSave(null, Flag.builder("f").rollout(100).build(), MAY);
		Flag partial = FlagHistory.recordSave(on, on.withRollout(BigDecimal.TEN), JUNE);
		assertThat(partial.extra()).doesNotContainKeys(FlagHistory.FULLY_ON_SINCE, FlagHistory.FULLY_OFF_SINCE);
		assertThat(FlagHistory.of(partial).since()).isNull();
		Flag off = FlagHistory.recordSave(partial, partial.withEnabled(false), JUNE.plusSeconds(60));
		assertThat(off.extra()).containsEntry(FlagHistory.FULLY_OFF_SINCE, "2026-06-01T10:01:00Z")
			.doesNotContainKey(FlagHistory.FULLY_ON_SINCE);
		assertThat(FlagHistory.of(off).fullyOffSince()).isEqualTo(Instant.parse("2026-06-01T10:01:00Z"));
	}

	@Test
	void whatAWriterSendsInTheHistoryFieldsIsReplaced() {
		Flag stored = FlagHistory.recordSave(null, Flag.builder("f").rollout(100).build(), MAY);
		Flag forged = stored.toBuilder()
			.extra(Map.of(FlagHistory.UPDATED_AT, "1999-01-01T00:00:00Z", FlagHistory.FULLY_ON_SINCE, 42,
					FlagHistory.FULLY_OFF_SINCE, "2000-01-01", "team", "web"))
			.build();
		Flag saved = FlagHistory.recordSave(stored, forged, JUNE);
		assertThat(saved.extra()).containsEntry(FlagHistory.UPDATED_AT, "2026-06-01T10:00:00Z")
			.containsEntry(FlagHistory.FULLY_ON_SINCE, "2026-05-01T10:00:00Z")
			.containsEntry("team", "web")
			.doesNotContainKey(FlagHistory.FULLY_OFF_SINCE);
	}

	@Test
	void aHandWrittenFlagIsTakenToBeInItsStateSinceItsLastKnownChange() {
		Flag handWritten = DefinitionsCodec.readFlag("""
				{"key": "banner", "rollout": 100, "createdAt": "2026-06-01T00:00:00Z"}""");
		FlagHistory history = FlagHistory.of(handWritten);
		assertThat(history.fullyOnSince()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
		assertThat(history.sinceEstimated()).isTrue();
		Flag described = FlagHistory.recordSave(handWritten,
				handWritten.toBuilder().description("Summer banner").build(), JUNE.plusSeconds(86400 * 30));
		assertThat(described.extra()).containsEntry(FlagHistory.FULLY_ON_SINCE, "2026-06-01T00:00:00Z");
		assertThat(FlagHistory.of(described).sinceEstimated()).isFalse();
	}

	@Test
	void aSinceThatDoesNotMatchTheStateOrCannotBeReadIsIgnored() {
		Flag edited = DefinitionsCodec.readFlag("""
				{"key": "f", "rollout": 50, "fullyOnSince": "2026-01-01T00:00:00Z", "updatedAt": "soon"}""");
		FlagHistory history = FlagHistory.of(edited);
		assertThat(history.state()).isEqualTo(FlagState.PARTIAL);
		assertThat(history.since()).isNull();
		assertThat(history.updatedAt()).isNull();
		assertThat(history.createdAt()).isNull();
	}

	@Test
	void theHistoryRoundTripsThroughTheCodec() {
		Flag saved = FlagHistory.recordSave(null, Flag.builder("f").rollout(100).build(), MAY).withVersion(1L);
		Flag read = DefinitionsCodec.readFlag(DefinitionsCodec.writeFlag(saved));
		assertThat(read).isEqualTo(saved);
		assertThat(FlagHistory.of(read)).isEqualTo(FlagHistory.of(saved));
	}

	@Test
	void evaluationIgnoresTheHistory() {
		Flag plain = Flag.builder("f").rollout(50).variants(Variant.of("a", 50), Variant.of("b", 50)).build();
		Flag recorded = FlagHistory.recordSave(null, plain, MAY);
		FlagSnapshot without = FlagSnapshot.of(Definitions.of(List.of(plain), List.of()));
		FlagSnapshot with = FlagSnapshot.of(Definitions.of(List.of(recorded), List.of()));
		for (int i = 0; i < 200; i++) {
			FlagContext context = FlagContext.of("user-" + i);
			assertThat(with.evaluate("f", context)).isEqualTo(without.evaluate("f", context));
		}
	}

}
