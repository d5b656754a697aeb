package dev.flags.spring.governance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.Change;
import dev.flags.core.audit.FieldChange;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagKind;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.InMemoryFlagStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FlagWriteService} on its own, with a secured policy.
 */
class FlagWriteServiceTests {

	private static final Instant NOW = Instant.parse("2026-11-30T10:15:30Z");

	private final InMemoryFlagStore store = new InMemoryFlagStore(Definitions.of(List.of(
			Flag.builder("payments")
				.kind(FlagKind.KILL_SWITCH)
				.owner("payments")
				.rollout(100)
				.extra(Map.of("editors", "payments-oncall"))
				.build(),
			Flag.builder("broken-editors").extra(Map.of("editors", List.of(7))).owner("web").build()), List.of()));

	private final FlagWriteService service = new FlagWriteService(new FlagRegistry(this.store),
			new FlagWritePolicy(false, true, true, "R", "W", "E", BigDecimal.valueOf(50), 20),
			null, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aSingleEditorNameIsReadAsAListOfOne() {
		FlagWriteRequest request = request(caller("olga", "W", "payments-oncall"), 1L, "provider down", true);
		Flag stored = this.service.write("payments", FlagEdit.enabled(false), request).flag();
		assertThat(stored.enabled()).isFalse();
		assertThatExceptionOfType(FlagWriteRefusedException.class).isThrownBy(
				() -> this.service.write("payments", FlagEdit.enabled(true), request(caller("wendy", "W"), 2L, null, false)))
			.satisfies((ex) -> assertThat(ex.refusal()).isEqualTo(Refusal.FORBIDDEN));
	}

	@Test
	void malformedEditorsLetOnlyTheOwnerThrough() {
		assertThatExceptionOfType(FlagWriteRefusedException.class)
			.isThrownBy(() -> this.service.write("broken-editors", FlagEdit.rollout(BigDecimal.ONE),
					request(caller("wendy", "W"), 1L, null, false)))
			.satisfies((ex) -> assertThat(ex.refusal()).isEqualTo(Refusal.FORBIDDEN));
		assertThat(this.service
			.write("broken-editors", FlagEdit.rollout(BigDecimal.ONE), request(caller("wendy", "W", "web"), 1L, null, false))
			.audit()
			.changes()).containsExactly(new FieldChange("rollout", 0, 1));
	}

	@Test
	void recordCarriesTheActorTheReasonAndTheTimeOfTheClock() {
		AuditRecord record = this.service
			.write("payments", FlagEdit.change(false, null),
					new FlagWriteRequest(caller("olga", "W", "payments"), 1L, "provider down", true, "req-9"))
			.audit();
		assertThat(record).extracting(AuditRecord::actor, AuditRecord::reason, AuditRecord::time, AuditRecord::requestId)
			.containsExactly("olga", "provider down", NOW, "req-9");
		assertThat(this.store.auditLog().read(AuditQuery.recent(1)).records()).containsExactly(record);
	}

	@Test
	void reasonLongerThanAllowedIsRefused() {
		assertThatExceptionOfType(FlagWriteRefusedException.class)
			.isThrownBy(() -> this.service.write("payments", FlagEdit.enabled(false),
					request(caller("olga", "W", "payments-oncall"), 1L, "x".repeat(21), true)))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("reason"));
	}

	@Test
	void logLineSaysWhatChangedAndDropsControlCharacters() {
		AuditRecord record = new AuditRecord("1", AuditRecord.Type.ROLLOUT_CHANGED, "checkout", "eve\nINFO forged", NOW,
				"step\r\n2", null, 3, 4, List.of(new FieldChange("rollout", 25, 50)));
		assertThat(FlagWriteService.describe(record)).isEqualTo(
				"Flag 'checkout' ROLLOUT_CHANGED by eve INFO forged (version 3 -> 4): rollout 25 -> 50; reason: \"step  2\"");
		AuditRecord created = AuditRecord.of("2", null, Flag.builder("fresh").build(), Change.by("alice", null));
		assertThat(FlagWriteService.describe(created)).isEqualTo("Flag 'fresh' CREATED by alice (version 0 -> 1)");
	}

	private static FlagWriteRequest request(Caller caller, Long version, String reason, boolean confirmed) {
		return new FlagWriteRequest(caller, version, reason, confirmed, null);
	}

	private static Caller caller(String name, String... roles) {
		Set<String> held = Set.of(roles);
		return Caller.of(() -> name, held::contains);
	}

}
