package dev.flags.core.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.Change;
import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.json.PlainJson;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests for {@link FileFlagStore}.
 */
class FileFlagStoreTests extends AbstractFlagStoreTests {

	private static final String VALID_DOCUMENT = """
			{
			  "flags": [
			    { "key": "edited-by-hand", "enabled": true, "rollout": 5, "version": 7 }
			  ],
			  "segments": []
			}
			""";

	private static final String INVALID_DOCUMENT = """
			{ "flags": [ { "key": "new-checkout", "rollout": 150 } ] }
			""";

	private static final String MALFORMED_DOCUMENT = """
			{ "flags": [ { "key": "new-checkout",
			""";

	@TempDir
	Path directory;

	@Override
	protected FlagStore createStore() {
		return new FileFlagStore(file());
	}

	private Path file() {
		return this.directory.resolve("flags.json");
	}

	private FileFlagStore fileStore() {
		return (FileFlagStore) store();
	}

	@Test
	void writesTheDocumentInTheSpecFormat() throws IOException {
		store().save(flag("new-checkout", 25), 0);
		String json = Files.readString(file());
		assertThat(json).isEqualTo(DefinitionsCodec.write(store().load()));
		assertThat(DefinitionsCodec.read(json)).isEqualTo(store().load());
		assertThat(json).contains("\"key\" : \"new-checkout\"").contains("\"version\" : 1");
	}

	@Test
	void missingFileIsAnEmptyDocumentUntilTheFirstWriteCreatesIt() {
		assertThat(file()).doesNotExist();
		assertThat(store().load().flags()).isEmpty();
		store().save(flag("new-checkout", 25), 0);
		assertThat(file()).exists();
	}

	@Test
	void missingDirectoryIsCreatedOnTheFirstWrite() {
		Path nested = this.directory.resolve("config/flags/flags.json");
		try (FileFlagStore store = new FileFlagStore(nested)) {
			store.save(flag("new-checkout", 25), 0);
			assertThat(nested).exists();
		}
	}

	@Test
	void seedIsServedWhileTheFileIsMissingAndSavedWithTheFirstWrite() {
		Path seeded = this.directory.resolve("seeded.json");
		Definitions seed = Definitions.of(List.of(flag("dark-mode", 10).withVersion(1L)), List.of());
		try (FileFlagStore store = new FileFlagStore(seeded, seed)) {
			assertThat(store.load()).isEqualTo(seed);
			assertThat(seeded).doesNotExist();
			store.save(flag("new-checkout", 25), 0);
		}
		try (FileFlagStore restarted = new FileFlagStore(seeded)) {
			assertThat(restarted.load().flags()).extracting(Flag::key).containsExactly("dark-mode", "new-checkout");
		}
	}

	@Test
	void seedNeverReplacesAnExistingFile() throws IOException {
		Path existing = this.directory.resolve("existing.json");
		Files.writeString(existing, VALID_DOCUMENT);
		Definitions seed = Definitions.of(List.of(flag("dark-mode", 10)), List.of());
		try (FileFlagStore store = new FileFlagStore(existing, seed)) {
			assertThat(store.load().flags()).extracting(Flag::key).containsExactly("edited-by-hand");
			store.save(flag("new-checkout", 25), 0);
			assertThat(store.load().flags()).extracting(Flag::key).containsExactly("edited-by-hand", "new-checkout");
		}
	}

	@Test
	void emptyFileNeverReadIsTheSeed() throws IOException {
		Files.createFile(file());
		try (FileFlagStore store = new FileFlagStore(file())) {
			assertThat(store.load().flags()).isEmpty();
			store.save(flag("new-checkout", 25), 0);
		}
		assertThat(DefinitionsCodec.read(Files.readString(file())).flag("new-checkout")).isPresent();
	}

	@Test
	void restartedStoreSeesEarlierWrites() {
		store().save(flag("new-checkout", 25), 0);
		store().save(flag("new-checkout", 50), 1);
		store().save(flag("dark-mode", 10), 0);
		store().delete("dark-mode", 1);
		Definitions before = store().load();
		store().close();
		try (FileFlagStore restarted = new FileFlagStore(file())) {
			assertThat(restarted.load()).isEqualTo(before);
			assertThat(restarted.save(flag("new-checkout", 75), 2).version()).isEqualTo(3L);
		}
	}

	@Test
	void noTemporaryFileRemainsAfterWrites() throws IOException {
		for (int i = 0; i < 5; i++) {
			store().save(flag("flag-" + i, i), 0);
		}
		store().delete("flag-0", 1);
		assertThat(fileNames()).containsExactlyInAnyOrder("flags.json", "flags.json.lock", "flags.json.audit.jsonl");
	}

	@Test
	void temporaryFileLeftByACrashIsIgnoredAndRemovedByTheNextWrite() throws IOException {
		store().save(flag("new-checkout", 25), 0);
		String intact = Files.readString(file());
		Path stray = this.directory.resolve(".flags.json.k3x9crash.tmp");
		Files.writeString(stray, "{ \"flags\": [ { \"key\": \"half-writ");
		try (FileFlagStore restarted = new FileFlagStore(file())) {
			assertThat(restarted.load()).isEqualTo(DefinitionsCodec.read(intact));
			assertThat(restarted.checkForChanges()).isFalse();
			assertThat(Files.readString(file())).isEqualTo(intact);
			restarted.save(flag("new-checkout", 30), 1);
		}
		assertThat(stray).doesNotExist();
		assertThat(fileNames()).containsExactlyInAnyOrder("flags.json", "flags.json.lock", "flags.json.audit.jsonl");
		assertThat(DefinitionsCodec.read(Files.readString(file())).flag("new-checkout").orElseThrow().version())
			.isEqualTo(2L);
	}

	@Test
	void fileIsParseableAtEveryMomentWhileWritesGoOn() throws Exception {
		store().save(flag("new-checkout", 0), 0);
		AtomicBoolean writing = new AtomicBoolean(true);
		CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
			int reads = 0;
			do {
				try {
					DefinitionsCodec.read(Files.readString(file()));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
				reads++;
			}
			while (writing.get());
			return reads;
		});
		try {
			for (int i = 1; i <= 40; i++) {
				store().save(flag("new-checkout", i), i);
			}
		}
		finally {
			writing.set(false);
		}
		assertThat(reader.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isPositive();
		assertThat(store().load().flag("new-checkout").orElseThrow().version()).isEqualTo(41L);
	}

	@Test
	void writesKeepTheFilePermissions() throws IOException {
		assumeThat(Files.getFileAttributeView(this.directory, PosixFileAttributeView.class)).as("POSIX permissions")
			.isNotNull();
		store().save(flag("new-checkout", 25), 0);
		Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-r-----");
		Files.setPosixFilePermissions(file(), permissions);
		store().save(flag("new-checkout", 30), 1);
		assertThat(Files.getPosixFilePermissions(file())).isEqualTo(permissions);
	}

	@Test
	void changeWrittenFromOutsideIsReportedAsExternal() throws IOException {
		store().save(flag("new-checkout", 25), 0);
		long revision = store().revision();
		changes().clear();
		Files.writeString(file(), VALID_DOCUMENT);
		assertThat(fileStore().checkForChanges()).isTrue();
		assertThat(changes()).singleElement().satisfies((change) -> {
			assertThat(change.type()).isEqualTo(StoreChange.Type.EXTERNAL);
			assertThat(change.key()).isNull();
			assertThat(change.revision()).isEqualTo(store().revision());
		});
		assertThat(store().revision()).isNotEqualTo(revision);
		assertThat(store().load().flags()).extracting(Flag::key).containsExactly("edited-by-hand");
		assertThat(fileStore().checkForChanges()).isFalse();
		assertThat(changes()).hasSize(1);
	}

	@Test
	void loadAndRevisionPickUpAChangeOnDisk() throws IOException {
		long revision = store().revision();
		Files.writeString(file(), VALID_DOCUMENT);
		assertThat(store().revision()).isNotEqualTo(revision);
		assertThat(store().load().flag("edited-by-hand")).isPresent();
		assertThat(changes()).extracting(StoreChange::type).containsExactly(StoreChange.Type.EXTERNAL);
	}

	@Test
	void writeIsCheckedAgainstTheFileAsItIsNow() throws IOException {
		store().save(flag("new-checkout", 25), 0);
		Files.writeString(file(), """
				{ "flags": [ { "key": "new-checkout", "rollout": 60, "version": 4 } ] }
				""");
		changes().clear();
		assertThatExceptionOfType(VersionConflictException.class)
			.isThrownBy(() -> store().save(flag("new-checkout", 30), 1))
			.satisfies((ex) -> assertThat(ex.currentVersion()).isEqualTo(4L));
		assertThat(changes()).extracting(StoreChange::type).containsExactly(StoreChange.Type.EXTERNAL);
		assertThat(store().save(flag("new-checkout", 30), 4).version()).isEqualTo(5L);
	}

	@Test
	void ownWritesAreNeverReportedAsExternal() {
		store().save(flag("new-checkout", 25), 0);
		store().save(flag("new-checkout", 50), 1);
		store().delete("new-checkout", 2);
		assertThat(fileStore().checkForChanges()).isFalse();
		store().load();
		store().revision();
		assertThat(changes()).extracting(StoreChange::type)
			.containsExactly(StoreChange.Type.SAVED, StoreChange.Type.SAVED, StoreChange.Type.DELETED);
	}

	@Test
	void watcherReportsAChangeWrittenFromOutside() throws Exception {
		store().save(flag("new-checkout", 25), 0);
		CountDownLatch external = new CountDownLatch(1);
		store().subscribe((change) -> {
			if (change.type() == StoreChange.Type.EXTERNAL) {
				external.countDown();
			}
		});
		fileStore().watch();
		Files.writeString(file(), VALID_DOCUMENT);
		assertThat(external.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("EXTERNAL change reported").isTrue();
		assertThat(store().load().flags()).extracting(Flag::key).containsExactly("edited-by-hand");
	}

	@Test
	void watcherIgnoresTheStoresOwnWrites() throws Exception {
		fileStore().watch();
		store().save(flag("new-checkout", 25), 0);
		store().save(flag("new-checkout", 50), 1);
		// An edit from outside after the writes: once it is reported, the writes' events were handled.
		CountDownLatch external = new CountDownLatch(1);
		store().subscribe((change) -> {
			if (change.type() == StoreChange.Type.EXTERNAL) {
				external.countDown();
			}
		});
		Files.writeString(file(), VALID_DOCUMENT);
		assertThat(external.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
		assertThat(changes()).extracting(StoreChange::type)
			.startsWith(StoreChange.Type.SAVED, StoreChange.Type.SAVED)
			.filteredOn((type) -> type == StoreChange.Type.EXTERNAL)
			.hasSize(1);
	}

	@Test
	void watchIsStoppedByClose() {
		FileFlagStore store = fileStore().watch();
		assertThat(store.watch()).isSameAs(store);
		store.close();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(store::watch)
			.withMessageContaining("closed");
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.doesNotContain("flags-file-watcher-flags.json");
	}

	@Test
	void invalidEditKeepsTheLastGoodDocumentAndRefusesWrites() throws IOException {
		assertBrokenEditIsContained(INVALID_DOCUMENT, "rollout");
	}

	@Test
	void malformedEditKeepsTheLastGoodDocumentAndRefusesWrites() throws IOException {
		assertBrokenEditIsContained(MALFORMED_DOCUMENT, "malformed JSON");
	}

	private void assertBrokenEditIsContained(String broken, String problem) throws IOException {
		store().save(flag("new-checkout", 25), 0);
		Definitions good = store().load();
		changes().clear();
		Files.writeString(file(), broken);
		assertThat(fileStore().checkForChanges()).isFalse();
		assertThat(changes()).singleElement().satisfies((change) -> {
			assertThat(change.type()).isEqualTo(StoreChange.Type.ERROR);
			assertThat(change.error()).isInstanceOf(FlagStoreException.class)
				.hasMessageContaining(file().toString())
				.hasMessageContaining(problem);
		});
		assertThat(store().load()).isEqualTo(good);
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(store()::revision)
			.withMessageContaining(file().toString());
		assertThatExceptionOfType(FlagStoreException.class)
			.isThrownBy(() -> store().save(flag("new-checkout", 30), 1))
			.withMessageContaining("Cannot save flag 'new-checkout'")
			.withMessageContaining(file().toString())
			.withMessageContaining(problem);
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(() -> store().delete("new-checkout", 1));
		assertThat(Files.readString(file())).isEqualTo(broken);
		assertThat(changes()).hasSize(1);
		// Fixed by hand: picked up, and writable again.
		Files.writeString(file(), VALID_DOCUMENT);
		assertThat(fileStore().checkForChanges()).isTrue();
		assertThat(store().load().flags()).extracting(Flag::key).containsExactly("edited-by-hand");
		assertThat(store().save(flag("edited-by-hand", 6), 7).version()).isEqualTo(8L);
	}

	@Test
	void deletedFileIsAnErrorNotAnEmptyDocument() throws IOException {
		store().save(flag("new-checkout", 25), 0);
		Definitions good = store().load();
		changes().clear();
		Files.delete(file());
		assertThat(fileStore().checkForChanges()).isFalse();
		assertThat(changes()).singleElement().satisfies((change) -> {
			assertThat(change.type()).isEqualTo(StoreChange.Type.ERROR);
			assertThat(change.error()).hasMessageContaining(file().toString()).hasMessageContaining("was deleted");
		});
		assertThat(store().load()).isEqualTo(good);
		assertThatExceptionOfType(FlagStoreException.class).isThrownBy(() -> store().save(flag("dark-mode", 5), 0))
			.withMessageContaining("was deleted");
		assertThat(file()).doesNotExist();
	}

	@Test
	void invalidFileAtStartIsNeitherServedNorOverwritten() throws IOException {
		Files.writeString(file(), INVALID_DOCUMENT);
		try (FileFlagStore store = new FileFlagStore(file())) {
			assertThatExceptionOfType(FlagStoreException.class).isThrownBy(store::load)
				.withMessageContaining(file().toString())
				.withMessageContaining("rollout");
			assertThatExceptionOfType(FlagStoreException.class).isThrownBy(() -> store.save(flag("dark-mode", 5), 0));
			assertThat(Files.readString(file())).isEqualTo(INVALID_DOCUMENT);
			Files.writeString(file(), VALID_DOCUMENT);
			assertThat(store.load().flag("edited-by-hand")).isPresent();
		}
	}

	@Test
	void storesOnOneFileSeeEachOthersWrites() {
		try (FileFlagStore other = new FileFlagStore(file())) {
			List<StoreChange> otherChanges = new ArrayList<>();
			other.subscribe(otherChanges::add);
			store().save(flag("new-checkout", 25), 0);
			assertThat(other.load().flag("new-checkout").orElseThrow().version()).isEqualTo(1L);
			assertThat(otherChanges).extracting(StoreChange::type).containsExactly(StoreChange.Type.EXTERNAL);
			other.save(flag("new-checkout", 50), 1);
			assertThatExceptionOfType(VersionConflictException.class)
				.isThrownBy(() -> store().save(flag("new-checkout", 75), 1))
				.withMessageContaining("is at version 2, not 1");
			assertThat(store().load().flag("new-checkout").orElseThrow().rollout()).isEqualByComparingTo("50");
		}
	}

	@Test
	void racingWritersOnTwoStoresOfOneFileHaveExactlyOneWinner() throws Exception {
		try (FileFlagStore other = new FileFlagStore(file())) {
			store().save(flag("new-checkout", 10), 0);
			FlagStore[] stores = { store(), other };
			List<Object> outcomes = race(8, (i) -> () -> stores[i % 2].save(flag("new-checkout", 20 + i), 1));
			assertOneWinner(outcomes, store());
			assertOneWinner(outcomes, other);
			assertThat(DefinitionsCodec.read(Files.readString(file())).flag("new-checkout").orElseThrow().version())
				.isEqualTo(2L);
		}
	}

	@Test
	void writersOnTwoStoresOfOneFileLoseNothing() throws Exception {
		try (FileFlagStore other = new FileFlagStore(file())) {
			FlagStore[] stores = { store(), other };
			race(6, (i) -> () -> {
				for (int n = 0; n < 5; n++) {
					stores[i % 2].save(flag("flag-" + i + "-" + n, n), 0);
				}
				return null;
			});
			assertThat(store().load().flags()).hasSize(30);
			assertThat(other.load()).isEqualTo(store().load());
		}
	}

	@Test
	void anotherProcessWritingTheSameFileLosesNothing() throws Exception {
		int count = 25;
		store().save(flag("shared", 0), 0);
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				OtherProcess.class.getName(), file().toString(), "child", Integer.toString(count))
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			assertThat(output.readLine()).isEqualTo("ready");
			for (int n = 0; n < count; n++) {
				store().save(flag("parent-" + n, n), 0);
			}
			List<String> rest = output.lines().toList();
			assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(String.join("\n", rest)).isZero();
		}
		finally {
			process.destroyForcibly();
		}
		Definitions document = DefinitionsCodec.read(Files.readString(file()));
		assertThat(document.flags()).hasSize(1 + 2 * count);
		assertThat(store().load()).isEqualTo(document);
		List<AuditRecord> records = store().auditLog().read(AuditQuery.recent(500)).records();
		assertThat(records).hasSize(1 + 2 * count);
		assertThat(records).extracting(AuditRecord::flag).doesNotHaveDuplicates();
	}

	@Test
	@SuppressWarnings("unchecked")
	void auditLogIsAnAppendOnlyFileOfJsonLinesNextToTheDocument() throws IOException {
		Change change = new Change("alice", "launch", Instant.parse("2026-11-30T10:15:30Z"), "req-7");
		store().save(flag("new-checkout", 25), 0, change);
		store().save(flag("new-checkout", 50), 1, change);
		Path audit = this.directory.resolve("flags.json.audit.jsonl");
		assertThat(fileStore().auditFile()).isEqualTo(audit);
		List<String> lines = Files.readAllLines(audit);
		assertThat(lines).hasSize(2);
		Map<?, ?> line = new LinkedHashMap<>((Map<?, ?>) PlainJson.read(lines.get(1)));
		Object previous = line.remove("previous");
		Object document = line.remove("document");
		assertThat(document).isEqualTo(AuditLines.hash(Files.readAllBytes(file())));
		assertThat(previous).asString().matches("[0-9a-f]{64}").isNotEqualTo(document);
		// The definition as stored carries the history the store keeps (dated by the store's clock).
		Map<?, ?> definition = new LinkedHashMap<>((Map<?, ?>) line.get("definition"));
		assertThat(definition.remove("createdAt")).isNotNull();
		assertThat(definition.remove("updatedAt")).isNotNull();
		assertThat(definition.remove("updatedBy")).isEqualTo("alice");
		((Map<Object, Object>) line).put("definition", definition);
		assertThat(line).isEqualTo(PlainJson.read("""
				{"time": "2026-11-30T10:15:30Z", "type": "ROLLOUT_CHANGED", "flag": "new-checkout", "actor": "alice",
				 "reason": "launch", "requestId": "req-7", "versionBefore": 1, "versionAfter": 2,
				 "changes": [{"field": "rollout", "before": 25, "after": 50}],
				 "definition": {"key": "new-checkout", "kind": "release", "enabled": true, "rollout": 50, "version": 2}}"""));
		String first = lines.get(0);
		store().delete("new-checkout", 2, change);
		assertThat(Files.readAllLines(audit)).hasSize(3).startsWith(first);
		try (FileFlagStore restarted = new FileFlagStore(file())) {
			assertThat(restarted.auditLog().read(AuditQuery.recent(10)).records()).extracting(AuditRecord::type)
				.containsExactly(AuditRecord.Type.DELETED, AuditRecord.Type.ROLLOUT_CHANGED, AuditRecord.Type.CREATED);
		}
	}

	@Test
	void editByHandIsAuditedOnceAsTheSystemActorHoweverManyStoresNoticeIt() throws IOException {
		try (FileFlagStore bot = new FileFlagStore(file(), Definitions.empty(), "deploy-bot")) {
			bot.save(flag("new-checkout", 25), 0, Change.by("alice", "launch"));
			bot.save(flag("dark-mode", 10), 0, Change.by("alice", "launch"));
			assertThat(store().load().flags()).hasSize(2);
			Files.writeString(file(), """
					{ "flags": [ { "key": "new-checkout", "rollout": 40, "version": 1 },
					             { "key": "made-by-hand", "rollout": 5 } ] }
					""");
			assertThat(bot.checkForChanges()).isTrue();
			assertThat(fileStore().checkForChanges()).isTrue();
			bot.load();
			store().load();
			List<AuditRecord> records = store().auditLog().read(AuditQuery.recent(10)).records();
			assertThat(records).extracting(AuditRecord::flag, AuditRecord::type, AuditRecord::actor)
				.containsExactlyInAnyOrder(tuple("new-checkout", AuditRecord.Type.ROLLOUT_CHANGED, "deploy-bot"),
						tuple("dark-mode", AuditRecord.Type.DELETED, "deploy-bot"),
						tuple("made-by-hand", AuditRecord.Type.CREATED, "deploy-bot"),
						tuple("dark-mode", AuditRecord.Type.CREATED, "alice"),
						tuple("new-checkout", AuditRecord.Type.CREATED, "alice"));
			assertThat(records.get(0).reason()).isEqualTo("changed in flags.json outside the store's write path");
			AuditRecord ramp = records.stream().filter((r) -> r.type() == AuditRecord.Type.ROLLOUT_CHANGED).findFirst()
				.orElseThrow();
			assertThat(ramp.versionBefore()).isEqualTo(1L);
			assertThat(ramp.versionAfter()).isEqualTo(1L);
			assertThat(ramp.changes()).singleElement().satisfies((change) -> {
				assertThat(change.before()).isEqualTo(25);
				assertThat(change.after()).isEqualTo(40);
			});
			// Written through the store again: nothing more to record but the write.
			bot.save(flag("new-checkout", 45), 1, Change.by("alice", null));
			assertThat(store().auditLog().read(AuditQuery.recent(10)).records()).hasSize(6);
		}
	}

	@Test
	void editByHandWhileNoStoreRanIsAuditedWhenTheNextOneStarts() throws IOException {
		store().save(flag("new-checkout", 25), 0, Change.by("alice", "launch"));
		store().save(flag("dark-mode", 10), 0, Change.by("alice", "launch"));
		store().close();
		Files.writeString(file(), """
				{ "flags": [ { "key": "new-checkout", "rollout": 25, "version": 1, "enabled": false } ] }
				""");
		try (FileFlagStore restarted = new FileFlagStore(file(), Definitions.empty(), "startup")) {
			assertThat(restarted.auditLog().read(AuditQuery.recent(10)).records())
				.extracting(AuditRecord::flag, AuditRecord::type, AuditRecord::actor)
				.containsExactly(tuple("dark-mode", AuditRecord.Type.DELETED, "startup"),
						tuple("new-checkout", AuditRecord.Type.DISABLED, "startup"),
						tuple("dark-mode", AuditRecord.Type.CREATED, "alice"),
						tuple("new-checkout", AuditRecord.Type.CREATED, "alice"));
		}
		try (FileFlagStore again = new FileFlagStore(file())) {
			assertThat(again.auditLog().read(AuditQuery.recent(10)).records()).hasSize(4);
		}
	}

	@Test
	void recordOfAChangeThatNeverReachedTheDocumentIsLeftOut() throws IOException {
		Flag stored = store().save(flag("new-checkout", 25), 0);
		// As a crash leaves it: the record appended and forced, the document not yet replaced.
		Flag lost = flag("new-checkout", 90).withVersion(2L);
		String before = AuditLines.hash(Files.readAllBytes(file()));
		Files.writeString(fileStore().auditFile(), AuditLines.line(AuditRecord.of("", stored, lost,
				Change.system(Instant.now())), lost, before, AuditLines.hash(new byte[] { 1 })) + "\n",
				StandardOpenOption.APPEND);
		assertThat(store().auditLog().read(AuditQuery.recent(10)).records()).extracting(AuditRecord::type)
			.containsExactly(AuditRecord.Type.CREATED);
		store().save(flag("new-checkout", 50), 1, Change.by("alice", "retry"));
		assertThat(store().auditLog().read(AuditQuery.recent(10)).records())
			.extracting(AuditRecord::actor, AuditRecord::versionBefore, AuditRecord::versionAfter)
			.containsExactly(tuple("alice", 1L, 2L), tuple(Change.SYSTEM_ACTOR, 0L, 1L));
		assertThat(Files.readAllLines(fileStore().auditFile())).hasSize(3);
	}

	@Test
	void lineTornByACrashIsClosedBySkippedAndSpoilsNoOtherRecord() throws IOException {
		store().save(flag("new-checkout", 25), 0);
		Files.writeString(fileStore().auditFile(), "{\"time\": \"2026-", StandardOpenOption.APPEND);
		assertThat(store().auditLog().read(AuditQuery.recent(10)).records()).hasSize(1);
		store().save(flag("new-checkout", 50), 1, Change.by("alice", null));
		assertThat(store().auditLog().read(AuditQuery.recent(10)).records()).extracting(AuditRecord::type)
			.containsExactly(AuditRecord.Type.ROLLOUT_CHANGED, AuditRecord.Type.CREATED);
		assertThat(Files.readAllLines(fileStore().auditFile())).hasSize(3);
	}

	@Test
	void auditRecordIdsAreTheOffsetsOfTheirLines() throws IOException {
		store().save(flag("new-checkout", 25), 0);
		FlagWrite second = store().save(flag("new-checkout", 50), 1, Change.by("alice", null));
		long firstLineLength = Files.readAllLines(fileStore().auditFile()).get(0).getBytes(StandardCharsets.UTF_8).length;
		assertThat(second.audit().id()).isEqualTo(Long.toString(firstLineLength + 1));
		assertThat(store().auditLog().read(AuditQuery.recent(1)).records()).containsExactly(second.audit());
	}

	@Test
	void closedStoreCanStillBeReadAndWritten() {
		store().close();
		assertThatNoException().isThrownBy(() -> store().save(flag("new-checkout", 25), 0));
		assertThat(store().load().flags()).hasSize(1);
	}

	private List<String> fileNames() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map((path) -> path.getFileName().toString()).toList();
		}
	}

	/**
	 * A second process writing to the same file: creates {@code count} flags named
	 * {@code <prefix>-<n>}, after printing "ready".
	 */
	static final class OtherProcess {

		private OtherProcess() {
		}

		public static void main(String[] args) {
			int count = Integer.parseInt(args[2]);
			try (FileFlagStore store = new FileFlagStore(Path.of(args[0]))) {
				System.out.println("ready");
				System.out.flush();
				for (int n = 0; n < count; n++) {
					store.save(flag(args[1] + "-" + n, n), 0);
				}
			}
		}

	}

}
