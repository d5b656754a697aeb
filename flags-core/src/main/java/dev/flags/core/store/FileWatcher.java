package dev.flags.core.store;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that watches one file's directory and runs a check when that file may have
 * changed. Events for other files in the directory (such as a store's own temporary files) are
 * ignored.
 */
final class FileWatcher implements AutoCloseable {

	/** How long a burst of events (an editor truncating, then writing) may take to settle. */
	private static final long SETTLE_MILLIS = 20;

	private static final long CLOSE_WAIT_MILLIS = 5000;

	private final WatchService service;

	private final Path fileName;

	private final Runnable check;

	private final Thread thread;

	FileWatcher(Path file, Runnable check) throws IOException {
		Path directory = file.getParent();
		this.fileName = file.getFileName();
		this.check = check;
		this.service = directory.getFileSystem().newWatchService();
		try {
			directory.register(this.service, StandardWatchEventKinds.ENTRY_CREATE,
					StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
		}
		catch (IOException | RuntimeException ex) {
			this.service.close();
			throw ex;
		}
		this.thread = new Thread(this::run, "flags-file-watcher-" + this.fileName);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		try {
			while (true) {
				boolean relevant = drain(this.service.take());
				WatchKey more = this.service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
				while (more != null) {
					relevant |= drain(more);
					more = this.service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
				}
				if (relevant) {
					check();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ClosedWatchServiceException ex) {
			// Closed: the watcher's work is done.
		}
	}

	private boolean drain(WatchKey key) {
		boolean relevant = false;
		for (WatchEvent<?> event : key.pollEvents()) {
			relevant |= event.kind() == StandardWatchEventKinds.OVERFLOW || this.fileName.equals(event.context());
		}
		key.reset();
		return relevant;
	}

	private void check() {
		try {
			this.check.run();
		}
		catch (RuntimeException ex) {
			// The check reports problems to the store's listeners; the watcher keeps watching.
		}
	}

	@Override
	public void close() {
		try {
			this.service.close();
		}
		catch (IOException ex) {
			// Closing a watch service only fails on I/O trouble with the platform's watch.
		}
		// The thread ends when take() or poll() sees the closed service; not interrupted, so that
		// a check in progress finishes its read instead of reporting a spurious error.
		if (Thread.currentThread() != this.thread) {
			try {
				this.thread.join(CLOSE_WAIT_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
