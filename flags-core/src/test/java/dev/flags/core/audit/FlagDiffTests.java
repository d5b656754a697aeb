package dev.flags.core.audit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.flags.core.model.Condition;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagKind;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Rule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagDiff}.
 */
class FlagDiffTests {

	private static final Flag CHECKOUT = Flag.builder("new-checkout").rollout(25).owner("payments").version(3L).build();

	@Test
	void onlyEnabledChangedIsEnabledOrDisabled() {
		List<FieldChange> off = FlagDiff.changes(CHECKOUT, CHECKOUT.withEnabled(false));
		assertThat(off).containsExactly(new FieldChange("enabled", true, false));
		assertThat(FlagDiff.type(CHECKOUT, CHECKOUT.withEnabled(false), off)).isEqualTo(AuditRecord.Type.DISABLED);
		Flag disabled = CHECKOUT.withEnabled(false);
		assertThat(FlagDiff.type(disabled, CHECKOUT, FlagDiff.changes(disabled, CHECKOUT)))
			.isEqualTo(AuditRecord.Type.ENABLED);
	}

	@Test
	void onlyRolloutChangedIsARolloutChangeWithExactValues() {
		Flag ramped = CHECKOUT.withRollout(new BigDecimal("25.125"));
		List<FieldChange> changes = FlagDiff.changes(CHECKOUT, ramped);
		assertThat(changes).containsExactly(new FieldChange("rollout", 25, new BigDecimal("25.125")));
		assertThat(FlagDiff.type(CHECKOUT, ramped, changes)).isEqualTo(AuditRecord.Type.ROLLOUT_CHANGED);
	}

	@Test
	void theVersionIsNotAChangedField() {
		assertThat(FlagDiff.changes(CHECKOUT, CHECKOUT.withVersion(4L))).isEmpty();
	}

	@Test
	void rulesKindAndUnknownFieldsAreComparedAsTheirJson() {
		Flag changed = CHECKOUT.toBuilder()
			.kind(FlagKind.KILL_SWITCH)
			.rule(Rule.rollout(100, Condition.of("country", Operator.IN, "DE")))
			.extra(Map.of("editors", List.of("payments-oncall")))
			.build();
		List<FieldChange> changes = FlagDiff.changes(CHECKOUT, changed);
		assertThat(changes).extracting(FieldChange::field).containsExactly("kind", "rules", "editors");
		assertThat(changes.get(0)).isEqualTo(new FieldChange("kind", "release", "kill-switch"));
		assertThat(changes.get(1).before()).isNull();
		assertThat(changes.get(1).after()).isEqualTo(List.of(Map.of("when",
				List.of(Map.of("attribute", "country", "op", "in", "values", List.of("DE"))), "rollout", 100)));
		assertThat(changes.get(2)).isEqualTo(new FieldChange("editors", null, List.of("payments-oncall")));
		assertThat(FlagDiff.type(CHECKOUT, changed, changes)).isEqualTo(AuditRecord.Type.UPDATED);
	}

	@Test
	void creationAndDeletionListEveryFieldAgainstNothing() {
		List<FieldChange> created = FlagDiff.changes(null, CHECKOUT);
		assertThat(created).extracting(FieldChange::field).containsExactly("key", "kind", "owner", "enabled", "rollout");
		assertThat(created).allSatisfy((change) -> assertThat(change.before()).isNull());
		assertThat(FlagDiff.type(null, CHECKOUT, created)).isEqualTo(AuditRecord.Type.CREATED);
		List<FieldChange> deleted = FlagDiff.changes(CHECKOUT, null);
		assertThat(deleted).allSatisfy((change) -> assertThat(change.after()).isNull()).hasSize(5);
		assertThat(FlagDiff.type(CHECKOUT, null, deleted)).isEqualTo(AuditRecord.Type.DELETED);
	}

	@Test
	void recordTakesVersionsFromTheFlags() {
		AuditRecord record = AuditRecord.of("7", CHECKOUT, CHECKOUT.withEnabled(false).withVersion(4L),
				Change.by("alice", "incident"));
		assertThat(record).extracting(AuditRecord::id, AuditRecord::flag, AuditRecord::versionBefore,
				AuditRecord::versionAfter, AuditRecord::actor, AuditRecord::reason)
			.containsExactly("7", "new-checkout", 3L, 4L, "alice", "incident");
		assertThat(AuditRecord.of("8", null, Flag.builder("fresh").build(), Change.by("bob", null)).versionBefore())
			.isZero();
	}

}
