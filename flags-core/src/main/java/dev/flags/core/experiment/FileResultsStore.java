package dev.flags.core.experiment;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A {@link ResultsStore} that works in memory, like {@link InMemoryResultsStore}, and writes
 * everything to one file, so results survive a restart of a single instance.
 * <h2>Durability</h2>
 * Recording touches only memory; the file is written when something changed, every
 * {@code flushInterval} by a daemon thread, on {@link #flush()} and on {@link #close()}. A crash
 * loses at most the last interval's records; a clean stop loses none. A write goes to a temporary
 * file in the same directory that is then moved over the file, so the file is always a whole
 * version, never a torn one. The file belongs to one process: instances that share results use the
 * Redis store.
 * <h2>Format</h2>
 * UTF-8 text, one record per line, fields separated by tabs; backslash, tab, carriage return and
 * line feed in a field are escaped as {@code \\ \t \r \n}. The first line is
 * {@code flags-experiment-results	1}; then, per experiment, {@code E	experiment}, followed by its
 * users {@code X	unit	variant}, their metric values {@code V	unit	metric	value} and its
 * sequential state {@code S	design	metric	variant	p}. The per-variant sums are not stored:
 * they are recomputed from the users' values when the file is read.
 * <p>
 * A file that cannot be read stops the store from starting, with the line that is wrong; it is
 * never overwritten by an empty store. Memory is as {@link InMemoryResultsStore}'s. Thread-safe.
 */
public final class FileResultsStore implements ResultsStore, AutoCloseable {

	static final String HEADER = "flags-experiment-results\t1";

	private final Path file;

	private final InMemoryResultsStore memory = new InMemoryResultsStore();

	private final @Nullable ScheduledExecutorService flusher;

	private long flushed;

	/**
	 * Opens a store on a file, reading it when it exists.
	 * @param file the file; created on the first flush with changes
	 * @param flushInterval how often changes are written; zero or negative writes only on
	 * {@link #flush()} and {@link #close()}
	 * @throws UncheckedIOException if the file exists and cannot be read
	 * @throws IllegalStateException if the file is not in the format above, naming the line
	 */
	public FileResultsStore(Path file, Duration flushInterval) {
		this.file = file.toAbsolutePath();
		if (Files.exists(this.file)) {
			read();
		}
		this.flushed = this.memory.changes();
		if (flushInterval.isZero() || flushInterval.isNegative()) {
			this.flusher = null;
		}
		else {
			this.flusher = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "flags-experiment-results-flush");
				thread.setDaemon(true);
				return thread;
			});
			long millis = flushInterval.toMillis();
			this.flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * The file results are kept in.
	 * @return the absolute path
	 */
	public Path file() {
		return this.file;
	}

	@Override
	public boolean recordExposure(String experiment, String unit, String variant) {
		return this.memory.recordExposure(experiment, unit, variant);
	}

	@Override
	public boolean recordEvent(String experiment, String unit, String metric, MetricKind kind, double value) {
		return this.memory.recordEvent(experiment, unit, metric, kind, value);
	}

	@Override
	public ExperimentTally tally(String experiment) {
		return this.memory.tally(experiment);
	}

	@Override
	public SequentialState sequentialState(String experiment, String design) {
		return this.memory.sequentialState(experiment, design);
	}

	@Override
	public SequentialState mergeSequentialState(String experiment, String design, SequentialState state) {
		return this.memory.mergeSequentialState(experiment, design, state);
	}

	@Override
	public void clear(String experiment) {
		this.memory.clear(experiment);
	}

	/**
	 * Writes the file now, if anything changed since the last write.
	 * @throws UncheckedIOException if the file cannot be written; it is left as it was
	 */
	public synchronized void flush() {
		long changes = this.memory.changes();
		if (changes == this.flushed) {
			return;
		}
		Path temporary = this.file.resolveSibling("." + this.file.getFileName() + ".tmp");
		try {
			Path parent = this.file.getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				write(out);
			}
			move(temporary);
			this.flushed = changes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write experiment results to " + this.file, ex);
		}
	}

	/**
	 * Stops the periodic writes and writes the file a last time.
	 */
	@Override
	public void close() {
		if (this.flusher != null) {
			this.flusher.shutdownNow();
		}
		flush();
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (UncheckedIOException ex) {
			// Kept in memory; the next interval or close() tries again.
		}
	}

	private void write(BufferedWriter out) throws IOException {
		out.write(HEADER);
		out.newLine();
		IOException[] failure = new IOException[1];
		this.memory.export(new InMemoryResultsStore.Visitor() {

			@Override
			public void experiment(String experiment) {
				line("E", experiment);
			}

			@Override
			public void exposure(String unit, String variant) {
				line("X", unit, variant);
			}

			@Override
			public void value(String unit, String metric, double value) {
				line("V", unit, metric, Double.toString(value));
			}

			@Override
			public void sequential(String design, String metric, String variant, double pValue) {
				line("S", design, metric, variant, Double.toString(pValue));
			}

			private void line(String... fields) {
				if (failure[0] != null) {
					return;
				}
				try {
					out.write(ResultsFileLines.join(fields));
					out.newLine();
				}
				catch (IOException ex) {
					failure[0] = ex;
				}
			}

		});
		if (failure[0] != null) {
			throw failure[0];
		}
	}

	private void move(Path temporary) throws IOException {
		try {
			Files.move(temporary, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private void read() {
		try (BufferedReader in = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
			new ResultsFileLines(this.file, this.memory).read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read experiment results from " + this.file, ex);
		}
	}

}
