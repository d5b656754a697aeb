package dev.flags.core.store;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.lifecycle.FlagHistory;
import dev.flags.core.lifecycle.FlagState;
import dev.flags.core.lifecycle.MutableClock;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The history every store keeps in a flag's definition through the shared write rules: created,
 * last updated, and since when fully on or fully off, across creates, updates, enabling,
 * disabling and rollout changes.
 */
class StoreHistoryTests {

	@TempDir
	static Path directory;

	private final MutableClock clock = new MutableClock("2026-06-01T09:00:00Z");

	static Stream<Arguments> stores() {
		Function<MutableClock, FlagStore> memory = (clock) -> new InMemoryFlagStore(Definitions.empty(), clock);
		Function<MutableClock, FlagStore> file = (clock) -> new FileFlagStore(
				directory.resolve("flags-" + System.nanoTime() + ".json"), Definitions.empty(), clock);
		return Stream.of(Arguments.of("memory", memory), Arguments.of("file", file));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void recordsWhoMadeTheLastWrite(String name, Function<MutableClock, FlagStore> stores) {
		try (FlagStore store = stores.apply(this.clock)) {
			Flag created = store.save(Flag.builder("checkout").rollout(0).build(), 0,
					dev.flags.core.audit.Change.by("alice", "create")).flag();
			assertThat(FlagHistory.updatedBy(created)).isEqualTo("alice");
			Flag ramped = store.save(created.withRollout(BigDecimal.TEN), 1, dev.flags.core.audit.Change.by("bob", null))
				.flag();
			assertThat(FlagHistory.updatedBy(ramped)).isEqualTo("bob");
			assertThat(FlagHistory.updatedBy(store.load().flag("checkout").orElseThrow())).isEqualTo("bob");
			// Recorded in the definition, but not a change of it: the audit diff leaves it out
			assertThat(store.auditLog().read(dev.flags.core.audit.AuditQuery.recent(1)).records().get(0).changes())
				.extracting(dev.flags.core.audit.FieldChange::field)
				.containsExactly("rollout");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void keepsTheHistoryAcrossEveryKindOfChange(String name, Function<MutableClock, FlagStore> stores) {
		try (FlagStore store = stores.apply(this.clock)) {
			Flag created = store.save(Flag.builder("checkout").rollout(0).build(), 0);
			assertHistory(created, "2026-06-01T09:00:00Z", "2026-06-01T09:00:00Z", FlagState.FULLY_OFF,
					"2026-06-01T09:00:00Z");

			this.clock.advanceDays(1);
			Flag ramped = store.save(created.withRollout(BigDecimal.valueOf(25)), 1);
			assertHistory(ramped, "2026-06-01T09:00:00Z", "2026-06-02T09:00:00Z", FlagState.PARTIAL, null);

			this.clock.advanceDays(1);
			Flag full = store.save(ramped.withRollout(BigDecimal.valueOf(100)), 2);
			assertHistory(full, "2026-06-01T09:00:00Z", "2026-06-03T09:00:00Z", FlagState.FULLY_ON,
					"2026-06-03T09:00:00Z");

			this.clock.advanceDays(1);
			Flag described = store.save(full.toBuilder().description("One-page checkout").build(), 3);
			assertHistory(described, "2026-06-01T09:00:00Z", "2026-06-04T09:00:00Z", FlagState.FULLY_ON,
					"2026-06-03T09:00:00Z");

			this.clock.advanceDays(1);
			Flag disabled = store.save(described.withEnabled(false), 4);
			assertHistory(disabled, "2026-06-01T09:00:00Z", "2026-06-05T09:00:00Z", FlagState.FULLY_OFF,
					"2026-06-05T09:00:00Z");

			this.clock.advanceDays(1);
			Flag enabled = store.save(disabled.withEnabled(true), 5);
			assertHistory(enabled, "2026-06-01T09:00:00Z", "2026-06-06T09:00:00Z", FlagState.FULLY_ON,
					"2026-06-06T09:00:00Z");

			// What the store serves equals what it returned, and reads back from its JSON unchanged.
			Flag loaded = store.load().flag("checkout").orElseThrow();
			assertThat(loaded).isEqualTo(enabled);
			assertThat(DefinitionsCodec.readFlag(DefinitionsCodec.writeFlag(loaded))).isEqualTo(loaded);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void aFlagSentWithACreationTimeKeepsIt(String name, Function<MutableClock, FlagStore> stores) {
		try (FlagStore store = stores.apply(this.clock)) {
			Flag created = store.save(Flag.builder("checkout").createdAt("2026-01-15").rollout(10).build(), 0);
			assertThat(created.createdAt()).isEqualTo("2026-01-15");
			this.clock.advanceDays(1);
			Flag updated = store.save(created.toBuilder().createdAt(null).build(), 1);
			assertThat(updated.createdAt()).isEqualTo("2026-01-15");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stores")
	void aRefusedWriteLeavesTheHistoryAsItWas(String name, Function<MutableClock, FlagStore> stores) {
		try (FlagStore store = stores.apply(this.clock)) {
			Flag created = store.save(Flag.builder("checkout").rollout(100).build(), 0);
			this.clock.advanceDays(1);
			assertThatExceptionOfType(VersionConflictException.class)
				.isThrownBy(() -> store.save(created.withEnabled(false), 7));
			assertThat(store.load().flag("checkout")).contains(created);
		}
	}

	@Test
	void theFileHoldsTheHistoryForTheNextProcess() throws Exception {
		Path file = directory.resolve("history.json");
		try (FileFlagStore store = new FileFlagStore(file, Definitions.empty(), this.clock)) {
			store.save(Flag.builder("checkout").rollout(100).build(), 0);
		}
		assertThat(Files.readString(file)).contains("\"createdAt\" : \"2026-06-01T09:00:00Z\"")
			.contains("\"updatedAt\" : \"2026-06-01T09:00:00Z\"")
			.contains("\"fullyOnSince\" : \"2026-06-01T09:00:00Z\"");
		try (FileFlagStore reopened = new FileFlagStore(file)) {
			Flag reread = reopened.load().flag("checkout").orElseThrow();
			assertThat(FlagHistory.of(reread).fullyOnSince()).isEqualTo(Instant.parse("2026-06-01T09:00:00Z"));
		}
	}

	private static void assertHistory(Flag flag, String createdAt, String updatedAt, FlagState state,
			String stateSince) {
		FlagHistory history = FlagHistory.of(flag);
		assertThat(flag.createdAt()).isEqualTo(createdAt);
		assertThat(history.updatedAt()).isEqualTo(Instant.parse(updatedAt));
		assertThat(history.state()).isEqualTo(state);
		assertThat(history.since()).isEqualTo((stateSince != null) ? Instant.parse(stateSince) : null);
		assertThat(history.sinceEstimated()).isFalse();
	}

}
