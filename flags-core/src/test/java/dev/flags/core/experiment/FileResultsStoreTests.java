package dev.flags.core.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link FileResultsStore}.
 */
class FileResultsStoreTests extends AbstractResultsStoreTests {

	@TempDir
	Path directory;

	private final List<FileResultsStore> opened = new ArrayList<>();

	@Override
	ResultsStore store() {
		return open();
	}

	@AfterEach
	void close() {
		this.opened.forEach(FileResultsStore::close);
	}

	@Test
	void resultsSurviveAReopen() {
		FileResultsStore store = open();
		store.recordExposure("pricing", "u1", "control");
		store.recordExposure("pricing", "tab\there\\and\nnew line", "treatment");
		store.recordEvent("pricing", "u1", "revenue", MetricKind.CONTINUOUS, 12.5);
		store.recordEvent("pricing", "u1", "revenue", MetricKind.CONTINUOUS, 0.1);
		store.recordEvent("pricing", "tab\there\\and\nnew line", "subscribed", MetricKind.BINOMIAL, 1);
		store.mergeSequentialState("pricing", "a0.05-n5000", state(0.04, 0.5));
		store.recordExposure("other", "u9", "b");
		ExperimentTally before = store.tally("pricing");
		store.close();

		FileResultsStore reopened = open();
		assertThat(reopened.tally("pricing")).isEqualTo(before);
		assertThat(reopened.tally("other").users()).containsEntry("b", 1L);
		assertThat(reopened.sequentialState("pricing", "a0.05-n5000")).isEqualTo(state(0.04, 0.5));
		// The per-user records came back too: the same user is not exposed or converted twice.
		assertThat(reopened.recordExposure("pricing", "tab\there\\and\nnew line", "control")).isFalse();
		reopened.recordEvent("pricing", "tab\there\\and\nnew line", "subscribed", MetricKind.BINOMIAL, 1);
		assertThat(reopened.tally("pricing")).isEqualTo(before);
	}

	@Test
	void nothingIsWrittenBeforeTheFirstChange() {
		FileResultsStore store = open();
		store.flush();
		assertThat(this.directory.resolve("results.tsv")).doesNotExist();
		store.recordExposure("pricing", "u1", "control");
		store.flush();
		assertThat(this.directory.resolve("results.tsv")).exists();
	}

	@Test
	void theFileIsWrittenPeriodically() throws Exception {
		Path file = this.directory.resolve("results.tsv");
		try (WatchService watcher = this.directory.getFileSystem().newWatchService()) {
			this.directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
			FileResultsStore store = new FileResultsStore(file, Duration.ofMillis(20));
			this.opened.add(store);
			store.recordExposure("pricing", "u1", "control");
			awaitCreated(watcher, file.getFileName());
		}
		assertThat(Files.readString(file)).contains("E\tpricing\nX\tu1\tcontrol\n");
	}

	@Test
	void aFileThatCannotBeReadStopsTheStoreAndIsKept() throws IOException {
		Path file = this.directory.resolve("results.tsv");
		String content = FileResultsStore.HEADER + "\nE\tpricing\nX\tu1\tcontrol\nV\tu1\trevenue\tlots\n";
		Files.writeString(file, content, StandardCharsets.UTF_8);
		assertThatIllegalStateException().isThrownBy(this::open)
			.withMessageContaining(file.toString())
			.withMessageContaining("line 4")
			.withMessageContaining("'lots' is not a number");
		assertThat(file).hasContent(content);
	}

	@Test
	void aFileOfAnotherFormatIsRefused() throws IOException {
		Files.writeString(this.directory.resolve("results.tsv"), "{\"flags\": []}\n");
		assertThatIllegalStateException().isThrownBy(this::open)
			.withMessageContaining("line 1")
			.withMessageContaining("not an experiment results file");
	}

	private FileResultsStore open() {
		FileResultsStore store = new FileResultsStore(this.directory.resolve("results.tsv"), Duration.ZERO);
		this.opened.add(store);
		return store;
	}

	/** Waits for the flusher's move to create the file: an event, not a guess at its timing. */
	private static void awaitCreated(WatchService watcher, Path name) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			WatchKey key = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (key == null) {
				break;
			}
			for (WatchEvent<?> event : key.pollEvents()) {
				if (name.equals(event.context())) {
					return;
				}
			}
			key.reset();
		}
		throw new AssertionError(name + " was not written within 30 seconds");
	}

}
