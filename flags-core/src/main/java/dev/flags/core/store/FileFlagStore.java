package dev.flags.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import dev.flags.core.audit.AuditJson;
import dev.flags.core.audit.AuditLog;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.Change;
import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;
import org.jspecify.annotations.Nullable;

/**
 * A store that keeps the whole definitions document in one JSON file, in the format of the
 * spec (§1), so that flags can be kept under version control, edited by hand, and shared by the
 * processes of one host.
 * <p>
 * What it guarantees:
 * <ul>
 * <li><b>No torn file.</b> A write goes to a temporary file in the same directory
 * ({@code .<name>.<random>.tmp}), which is forced to disk and then atomically moved over the
 * document; the directory is forced after the move where the platform allows it. A crash leaves
 * the old document or the new one, never a mix; a temporary file a crash left behind is never
 * read, and the next write removes it. The file's POSIX permissions are kept.</li>
 * <li><b>No lost update, across threads and processes.</b> A write holds an exclusive lock on
 * the sidecar file {@code <name>.lock} (which is never deleted), re-reads the document under it,
 * and checks the expected version against what is on disk at that moment. Every process that
 * writes the file must do so through this class (or honour the lock).</li>
 * <li><b>Changes on disk are noticed.</b> {@link #load()}, {@link #revision()} and
 * {@link #checkForChanges()} look at the file's modification time, size and file key, and re-read
 * it only when one of them moved; an edit in place that keeps all three (same size, within the
 * file system's time granularity) is seen at the next change or write. {@link #watch()} starts a
 * daemon thread that re-reads the file on every file system event for it. A change this object
 * did not write is reported to listeners as {@link StoreChange.Type#EXTERNAL}; a write always
 * re-reads the file first.</li>
 * <li><b>A broken file loses no flag.</b> When the file becomes malformed or invalid, cannot be
 * read, or disappears after flags were read from it, listeners are told with a
 * {@link StoreChange.Type#ERROR} that names the file and the problem; {@link #load()} keeps
 * returning the last good document; {@link #revision()} throws; and every write is refused with a
 * {@link FlagStoreException}, so the file stays exactly as it was left until someone fixes it. A
 * fixed file is picked up as an EXTERNAL change.</li>
 * <li><b>Every write is audited, with the write.</b> The audit log is the append-only file
 * {@code <name>.audit.jsonl} next to the document, one JSON line per change (see
 * {@link AuditJson}), read through {@link #auditLog()}. Under the same lock as the document, the
 * record is appended and forced to disk <em>before</em> the document is replaced, so no change is
 * ever stored without its record. A crash between the two steps (or a replace that fails) leaves
 * a record of a change that never happened: each record keeps the SHA-256 of the file before and
 * after its change, and the audit log leaves out a record whose "before" the next writer found
 * again, or the file still has. A line torn by a crash is closed by the next append and skipped.</li>
 * <li><b>Edits by hand are audited too, once.</b> Each line also keeps the flag's definition after
 * the change. When a change made on disk outside this class is noticed (by a read, the watcher, a
 * write, or when the store is created), every flag whose definition differs from what its last
 * record says is recorded as changed by the system actor, under the file lock, so that of all the
 * processes that notice an edit exactly one records it. A flag the log knows nothing of is
 * compared with the document read before, so an edit made while no process ran is recorded only
 * for flags written through the store before. Recording is best effort: an edit is served even
 * when its record cannot be written (a read-only directory).</li>
 * <li><b>A seed never replaces a file.</b> A file that is missing or empty, and from which no
 * flags were read yet, stands for the seed document (empty unless one is given); the first write
 * creates the file from it.</li>
 * </ul>
 * Thread-safe. Reads take no lock when the file has not changed. Listeners are called after the
 * change, outside any lock, on the thread that made or noticed it: a writer, a reader, or the
 * watcher; changes noticed by different threads may reach a listener in either order, and each
 * carries the revision it produced.
 */
public final class FileFlagStore implements FlagStore {

	/** One lock per file for the whole JVM: file locks are held per process, not per thread. */
	private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

	private static final String TEMP_SUFFIX = ".tmp";

	private final Path file;

	private final Path directory;

	private final Path lockFile;

	private final AuditFile auditFile;

	private final String systemActor;

	private final String tempPrefix;

	private final Definitions seed;

	private final Clock clock;

	private final ReentrantLock lock;

	private final Listeners listeners = new Listeners();

	private volatile State state;

	private @Nullable FileWatcher watcher;

	private boolean closed;

	/**
	 * Creates a store on a file; a missing file stands for an empty document.
	 * @param file the JSON file
	 */
	public FileFlagStore(Path file) {
		this(file, Definitions.empty());
	}

	/**
	 * Creates a store on a file; a missing file stands for the seed, which the first write saves
	 * into it. An existing file is never replaced by the seed.
	 * @param file the JSON file
	 * @param seed the document to start from when the file does not exist yet
	 * @throws InvalidDefinitionsException when the seed is invalid
	 */
	public FileFlagStore(Path file, Definitions seed) {
		this(file, seed, Change.SYSTEM_ACTOR, Clock.systemUTC());
	}

	/**
	 * Creates a store on a file whose hand edits are audited under the given actor.
	 * @param file the JSON file
	 * @param seed the document to start from when the file does not exist yet
	 * @param systemActor the actor of the audit records of changes made to the file by hand
	 * @throws InvalidDefinitionsException when the seed is invalid
	 */
	public FileFlagStore(Path file, Definitions seed, String systemActor) {
		this(file, seed, systemActor, Clock.systemUTC());
	}

	/**
	 * Creates a store on a file whose history is dated by the given clock.
	 * @param file the JSON file
	 * @param seed the document to start from when the file does not exist yet
	 * @param clock the clock that dates the history of saved flags
	 * @throws InvalidDefinitionsException when the seed is invalid
	 */
	public FileFlagStore(Path file, Definitions seed, Clock clock) {
		this(file, seed, Change.SYSTEM_ACTOR, clock);
	}

	/**
	 * Creates a store on a file; a missing file stands for the seed, which the first write saves
	 * into it. An existing file is never replaced by the seed.
	 * @param file the JSON file
	 * @param seed the document to start from when the file does not exist yet
	 * @param systemActor the actor of the audit records of changes made to the file by hand
	 * @param clock the clock that dates the history of saved flags
	 * @throws InvalidDefinitionsException when the seed is invalid
	 */
	public FileFlagStore(Path file, Definitions seed, String systemActor, Clock clock) {
		if (systemActor.isBlank()) {
			throw new IllegalArgumentException("The system actor must not be blank");
		}
		Path absolute = file.toAbsolutePath().normalize();
		Path parent = absolute.getParent();
		if (parent == null || absolute.getFileName() == null) {
			throw new IllegalArgumentException("The flag file must be a file in a directory (was " + file + ")");
		}
		DefinitionsValidator.validate(seed);
		this.directory = parent;
		this.file = absolute;
		String name = absolute.getFileName().toString();
		this.lockFile = parent.resolve(name + ".lock");
		this.auditFile = new AuditFile(parent.resolve(name + ".audit.jsonl"));
		this.tempPrefix = "." + name + ".";
		this.seed = seed;
		this.systemActor = systemActor;
		this.clock = clock;
		this.lock = LOCKS.computeIfAbsent(lockKey(absolute), (key) -> new ReentrantLock());
		this.state = State.UNREAD;
		sync(true);
		if (Files.exists(this.auditFile.file())) {
			// Edits made while no process watched the file.
			List<StoreChange> changes = new ArrayList<>();
			this.lock.lock();
			try {
				auditExternalEdits(null, changes);
			}
			finally {
				this.lock.unlock();
				fire(changes);
			}
		}
	}

	private static Path lockKey(Path file) {
		try {
			return file.getParent().toRealPath().resolve(file.getFileName());
		}
		catch (IOException ex) {
			return file;
		}
	}

	/**
	 * The file this store keeps its document in.
	 * @return the absolute path of the file
	 */
	public Path file() {
		return this.file;
	}

	/**
	 * The append-only file this store keeps its audit log in, next to the document.
	 * @return the absolute path of the audit file; it exists once the first write was made
	 */
	public Path auditFile() {
		return this.auditFile.file();
	}

	/**
	 * Reads the document, re-reading the file when it changed on disk.
	 * @return the current document, or the last good one while the file is broken
	 * @throws FlagStoreException when no valid document has been read from the file yet
	 */
	@Override
	public Definitions load() {
		State current = current();
		Definitions document = current.document();
		if (document == null) {
			throw new FlagStoreException(current.problem() + " (no valid document has been read from it yet)");
		}
		return document;
	}

	/**
	 * The revision of the document; cheap while the file has not changed on disk.
	 * @return the revision
	 * @throws FlagStoreException while the file is broken (see {@link #load()})
	 */
	@Override
	public long revision() {
		State current = current();
		if (current.problem() != null) {
			throw new FlagStoreException(current.problem());
		}
		return current.revision();
	}

	/**
	 * Re-reads the file when its stat says it changed on disk, and tells the listeners: an
	 * {@link StoreChange.Type#EXTERNAL} change when it holds a new valid document, an
	 * {@link StoreChange.Type#ERROR} when it became broken. Never throws.
	 * @return true when a new document was found
	 */
	public boolean checkForChanges() {
		return !isCurrent(this.state) && foundNewDocument(sync(false));
	}

	private boolean checkContent() {
		return foundNewDocument(sync(true));
	}

	private static boolean foundNewDocument(List<StoreChange> changes) {
		return changes.stream().anyMatch((change) -> change.type() == StoreChange.Type.EXTERNAL);
	}

	/**
	 * Starts a daemon thread that calls {@link #checkForChanges()} whenever the file system
	 * reports an event for the file. Does nothing when it already runs; {@link #close()} stops it.
	 * The file's directory is created when missing.
	 * @return this store
	 * @throws FlagStoreException when the directory cannot be watched
	 * @throws IllegalStateException when the store was closed
	 */
	public FileFlagStore watch() {
		synchronized (this) {
			if (this.closed) {
				throw new IllegalStateException("The flag store of " + this.file + " is closed");
			}
			if (this.watcher == null) {
				try {
					Files.createDirectories(this.directory);
					this.watcher = new FileWatcher(this.file, this::checkContent);
				}
				catch (IOException ex) {
					throw new FlagStoreException("Cannot watch " + this.directory + " for changes to " + this.file
							+ ": " + ex, ex);
				}
			}
		}
		// Whatever changed before the watcher started is not missed.
		checkForChanges();
		return this;
	}

	@Override
	public Flag save(Flag flag, long expectedVersion) {
		return Objects.requireNonNull(save(flag, expectedVersion, Change.system(this.clock.instant())).flag());
	}

	@Override
	public FlagWrite save(Flag flag, long expectedVersion, Change change) {
		return write("save flag '" + flag.key() + "'",
				(document) -> DocumentWrites.save(document, flag, expectedVersion, this.clock, change.actor()),
				StoreChange.Type.SAVED,
				flag.key(), change);
	}

	@Override
	public void delete(String key, long expectedVersion) {
		delete(key, expectedVersion, Change.system(this.clock.instant()));
	}

	@Override
	public FlagWrite delete(String key, long expectedVersion, Change change) {
		return write("delete flag '" + key + "'", (document) -> DocumentWrites.delete(document, key, expectedVersion),
				StoreChange.Type.DELETED, key, change);
	}

	/**
	 * The audit log of the writes made through this class, by any process, read from
	 * {@link #auditFile()}. Records of changes that never reached the document are left out.
	 * @return the audit log
	 */
	@Override
	public AuditLog auditLog() {
		return new FileAuditLog(this.auditFile, () -> AuditLines.hash(current().content()));
	}

	@Override
	public Subscription subscribe(StoreListener listener) {
		return this.listeners.add(listener);
	}

	/**
	 * Stops the watcher, if one runs. The store can still be read and written.
	 */
	@Override
	public void close() {
		FileWatcher running;
		synchronized (this) {
			this.closed = true;
			running = this.watcher;
			this.watcher = null;
		}
		if (running != null) {
			running.close();
		}
	}

	private State current() {
		State current = this.state;
		if (isCurrent(current)) {
			return current;
		}
		sync(false);
		return this.state;
	}

	private boolean isCurrent(State current) {
		Stamp stamp = Stamp.of(this.file);
		return stamp != Stamp.UNKNOWN && stamp.equals(current.stamp());
	}

	private List<StoreChange> sync(boolean readContent) {
		List<StoreChange> changes = new ArrayList<>();
		this.lock.lock();
		try {
			Definitions previous = this.state.document();
			reconcile(readContent, changes);
			if (previous != null && foundNewDocument(changes)) {
				auditExternalEdits(previous, changes);
			}
		}
		finally {
			this.lock.unlock();
			fire(changes);
		}
		return changes;
	}

	private FlagWrite write(String action, UnaryOperator<Definitions> edit, StoreChange.Type type, String key,
			Change change) {
		List<StoreChange> changes = new ArrayList<>();
		this.lock.lock();
		try {
			Files.createDirectories(this.directory);
			// Closing the channel releases the lock.
			try (FileChannel lockChannel = FileChannel.open(this.lockFile, StandardOpenOption.CREATE,
					StandardOpenOption.WRITE)) {
				lockChannel.lock();
				Definitions previous = this.state.document();
				// Re-read whatever the stat says: the version check must see what is on disk now.
				State current = reconcile(true, changes);
				Definitions document = current.document();
				if (current.problem() != null || document == null) {
					throw new FlagStoreException("Cannot " + action + ": " + current.problem()
							+ ". The file was left as it is; fix or restore it, then retry");
				}
				String found = AuditLines.hash(current.content());
				if (foundNewDocument(changes)) {
					ExternalEdits.record(this.auditFile, document, found, previous, externalChange());
				}
				byte[] content = DefinitionsCodec.write(edit.apply(document)).getBytes(StandardCharsets.UTF_8);
				// Served as read back from its bytes, so that it equals what a restart reads; and
				// nothing unreadable ever replaces the file.
				Definitions written = DefinitionsCodec.read(content);
				Flag after = written.flag(key).orElse(null);
				AuditRecord record = AuditRecord.of("", document.flag(key).orElse(null), after, change);
				removeStrayTemporaryFiles();
				// The record first: a crash after it leaves a record the log recognises as not
				// applied; the other order could leave a change without its record.
				long id = this.auditFile.append(AuditLines.line(record, after, found, AuditLines.hash(content)));
				Stamp stamp = replaceFile(content);
				State next = install(new State(written, stamp, content, current.revision() + 1, null, true));
				changes.add(new StoreChange(type, key, next.revision(), null));
				return new FlagWrite(after, record.withId(Long.toString(id)));
			}
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new FlagStoreException("Cannot " + action + ": the file system of " + this.file
					+ " cannot replace a file atomically; nothing was changed", ex);
		}
		catch (IOException ex) {
			throw new FlagStoreException("Cannot " + action + " in " + this.file + ": " + ex + "; nothing was changed",
					ex);
		}
		finally {
			this.lock.unlock();
			fire(changes);
		}
	}

	/**
	 * Records the edits made on disk since the audit log was last written. Called with the lock
	 * held; takes the file lock and reads the file again under it, so that what is recorded is
	 * what is on disk, and no other process records it too.
	 */
	private void auditExternalEdits(@Nullable Definitions previous, List<StoreChange> changes) {
		try (FileChannel lockChannel = FileChannel.open(this.lockFile, StandardOpenOption.CREATE,
				StandardOpenOption.WRITE)) {
			lockChannel.lock();
			State current = reconcile(true, changes);
			Definitions document = current.document();
			if (current.problem() == null && document != null && current.persisted()) {
				ExternalEdits.record(this.auditFile, document, AuditLines.hash(current.content()), previous,
						externalChange());
			}
		}
		catch (IOException | RuntimeException ex) {
			// Best effort: the edit is on disk and served either way, and a directory that cannot
			// be written (a mounted, read-only one) cannot hold an audit log.
		}
	}

	private Change externalChange() {
		return ExternalEdits.change(this.systemActor, this.file.getFileName().toString(), this.clock.instant());
	}

	/**
	 * Brings the state in line with the file. Called with the lock held; the changes found are
	 * added to the list, for the caller to fire once the lock is released. Without
	 * {@code readContent} an unchanged stat is trusted; with it the bytes are compared too, since
	 * an edit in place within the file system's time granularity may keep the stat.
	 */
	private State reconcile(boolean readContent, List<StoreChange> changes) {
		State current = this.state;
		Stamp stamp = Stamp.of(this.file);
		if (!readContent && stamp != Stamp.UNKNOWN && stamp.equals(current.stamp())) {
			return current;
		}
		byte[] content = null;
		try {
			if (stamp != Stamp.MISSING) {
				content = Files.readAllBytes(this.file);
			}
		}
		catch (NoSuchFileException ex) {
			stamp = Stamp.MISSING;
		}
		catch (IOException ex) {
			return broken(current, Stamp.UNKNOWN, null, "cannot be read (" + ex + ")", ex, changes);
		}
		if (content == null || content.length == 0) {
			if (current.persisted()) {
				String what = (content == null) ? "was deleted" : "was emptied";
				return broken(current, stamp, content, what + " after flags were read from it; the last good document"
						+ " is still served. Restore the file (or write {\"flags\": []} into it to start over)", null,
						changes);
			}
			return changed(current, this.seed, stamp, content, false, changes);
		}
		if (Arrays.equals(content, current.content())) {
			return install(current.withStamp(stamp));
		}
		try {
			return changed(current, DefinitionsCodec.read(content), stamp, content, true, changes);
		}
		catch (InvalidDefinitionsException ex) {
			return broken(current, stamp, content, "is invalid: " + ex.getMessage(), ex, changes);
		}
	}

	private State changed(State current, Definitions document, Stamp stamp, byte @Nullable [] content,
			boolean persisted, List<StoreChange> changes) {
		boolean news = current.problem() != null || !document.equals(current.document());
		long revision = news ? current.revision() + 1 : current.revision();
		if (news && current != State.UNREAD) {
			changes.add(new StoreChange(StoreChange.Type.EXTERNAL, null, revision, null));
		}
		return install(new State(document, stamp, content, revision, null, persisted));
	}

	private State broken(State current, Stamp stamp, byte @Nullable [] content, String problem,
			@Nullable Throwable cause, List<StoreChange> changes) {
		String message = "The flag file " + this.file + " " + problem;
		boolean news = !message.equals(current.problem()) || !Arrays.equals(content, current.content());
		if (news) {
			changes.add(new StoreChange(StoreChange.Type.ERROR, null, current.revision(),
					(cause != null) ? new FlagStoreException(message, cause) : new FlagStoreException(message)));
		}
		return install(new State(current.document(), stamp, content, current.revision(), message,
				current.persisted()));
	}

	private State install(State state) {
		this.state = state;
		return state;
	}

	private void fire(List<StoreChange> changes) {
		changes.forEach(this.listeners::fire);
	}

	/** Writes the content next to the file, then moves it over the file in one step. */
	private Stamp replaceFile(byte[] content) throws IOException {
		Path temporary = this.directory
			.resolve(this.tempPrefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMP_SUFFIX);
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				copyPermissions(temporary);
				channel.force(true);
			}
			// A move keeps the file's identity, so this is the stamp the file has once moved.
			Stamp stamp = Stamp.of(temporary);
			Files.move(temporary, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			forceDirectory(this.directory);
			return stamp;
		}
		finally {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (IOException ex) {
				// Left for the next write to remove; it is never read as the document.
			}
		}
	}

	private void copyPermissions(Path temporary) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(this.file, PosixFileAttributeView.class);
		if (view != null && Files.exists(this.file)) {
			Files.setPosixFilePermissions(temporary, view.readAttributes().permissions());
		}
	}

	static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Some platforms cannot open a directory; the move was atomic all the same.
		}
	}

	/** Removes what a crashed write left behind. Called under the file lock: no write is under way. */
	private void removeStrayTemporaryFiles() {
		try (DirectoryStream<Path> strays = Files.newDirectoryStream(this.directory, this::isTemporaryFile)) {
			for (Path stray : strays) {
				try {
					Files.deleteIfExists(stray);
				}
				catch (IOException ex) {
					// Harmless: a stray temporary file is never read.
				}
			}
		}
		catch (IOException ex) {
			// Harmless, as above.
		}
	}

	private boolean isTemporaryFile(Path path) {
		String name = path.getFileName().toString();
		return name.startsWith(this.tempPrefix) && name.endsWith(TEMP_SUFFIX)
				&& name.length() > this.tempPrefix.length() + TEMP_SUFFIX.length();
	}

	/**
	 * What is known of the file.
	 *
	 * @param document the last good document, or null when none was read yet
	 * @param stamp the file's stamp when it was last read or written
	 * @param content the file's bytes then, or null when it was missing or unreadable
	 * @param revision the revision of the document
	 * @param problem what is wrong with the file now, or null when it is good
	 * @param persisted whether the document was read from, or written to, the file
	 */
	private record State(@Nullable Definitions document, Stamp stamp, byte @Nullable [] content, long revision,
			@Nullable String problem, boolean persisted) {

		static final State UNREAD = new State(null, Stamp.UNKNOWN, null, 0, "has not been read", false);

		State withStamp(Stamp stamp) {
			return new State(this.document, stamp, this.content, this.revision, this.problem, this.persisted);
		}

	}

	/**
	 * What a stat of the file says; a different stamp means the file may have changed.
	 *
	 * @param modified the last-modified time, in nanoseconds of the epoch where available
	 * @param size the size in bytes, or a negative marker
	 * @param fileKey the platform's identity of the file (device and inode), or null
	 */
	private record Stamp(long modified, long size, @Nullable Object fileKey) {

		static final Stamp MISSING = new Stamp(0, -1, null);

		static final Stamp UNKNOWN = new Stamp(0, -2, null);

		static Stamp of(Path path) {
			try {
				BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
				return new Stamp(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
						attributes.size(), attributes.fileKey());
			}
			catch (NoSuchFileException ex) {
				return MISSING;
			}
			catch (IOException ex) {
				return UNKNOWN;
			}
		}

	}

}
