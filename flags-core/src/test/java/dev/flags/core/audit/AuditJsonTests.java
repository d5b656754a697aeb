package dev.flags.core.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.flags.core.model.Flag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AuditJson}.
 */
class AuditJsonTests {

	private static final Flag BEFORE = Flag.builder("new-checkout")
		.rollout(new BigDecimal("12.5"))
		.extra(Map.of("editors", List.of("payments-oncall")))
		.version(3L)
		.build();

	@Test
	void aRecordReadsBackFromItsLine() {
		AuditRecord record = AuditRecord.of("42", BEFORE, BEFORE.withRollout(BigDecimal.valueOf(50)).withVersion(4L),
				new Change("alice", "ramp \"up\"\nnow", Instant.parse("2026-11-30T10:15:30.123Z"), "req-1"));
		String line = AuditJson.line(record);
		assertThat(line).doesNotContain("\n").doesNotContain("\"id\"").contains("\"before\":12.5");
		assertThat(AuditJson.read("42", line)).isEqualTo(record);
	}

	@Test
	void absentReasonAndRequestIdAreLeftOut() {
		AuditRecord record = AuditRecord.of("1", null, BEFORE, Change.by("bob", null));
		assertThat(AuditJson.toMap(record)).doesNotContainKeys("reason", "requestId").containsEntry("id", "1");
		assertThat(AuditJson.read("1", AuditJson.line(record))).isEqualTo(record);
	}

	@Test
	void changesReadBackFromTheirArray() {
		List<FieldChange> changes = FlagDiff.changes(BEFORE, BEFORE.withEnabled(false));
		assertThat(AuditJson.readChanges(AuditJson.changes(changes))).isEqualTo(changes);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "[]", "{\"time\": \"2026-", "{}",
			"{\"time\":\"x\",\"type\":\"CREATED\",\"flag\":\"a\",\"actor\":\"b\",\"versionBefore\":0,\"versionAfter\":1,\"changes\":[]}",
			"{\"time\":\"2026-11-30T10:15:30Z\",\"type\":\"EXPLODED\",\"flag\":\"a\",\"actor\":\"b\",\"versionBefore\":0,\"versionAfter\":1,\"changes\":[]}",
			"{\"time\":\"2026-11-30T10:15:30Z\",\"type\":\"CREATED\",\"flag\":\"a\",\"actor\":\"b\",\"versionBefore\":\"0\",\"versionAfter\":1,\"changes\":[]}",
			"{\"time\":\"2026-11-30T10:15:30Z\",\"type\":\"CREATED\",\"flag\":\"a\",\"actor\":\"b\",\"versionBefore\":0,\"versionAfter\":1,\"changes\":{}}" })
	void aLineThatIsNotARecordIsRefused(String line) {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditJson.read("1", line));
	}

}
