package dev.flags.spring.redis;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import redis.embedded.core.ExecutableProvider;

/**
 * A {@code redis-server} process of the test's own, on a free port of the loopback interface,
 * without persistence ({@code --save "" --appendonly no}) and with a temporary directory. It can be
 * stopped, killed and started again on the same port, to test how a client lives through it.
 * <p>
 * The binary is {@code redis-server} from the {@code PATH}, or else the one shipped in the
 * {@code embedded-redis} test dependency. Only servers started here are ever stopped or killed.
 */
public final class RedisServer implements AutoCloseable {

	private static final String READY = "Ready to accept connections";

	private static final long START_TIMEOUT_MILLIS = 10_000;

	private static @Nullable Path foundExecutable;

	private final Path executable;

	private final Path directory;

	private final int port;

	private @Nullable Process process;

	private final Deque<String> output = new ArrayDeque<>();

	private RedisServer(Path executable, Path directory, int port) {
		this.executable = executable;
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Starts a server on a free port.
	 * @return the running server
	 */
	public static RedisServer start() {
		try {
			RedisServer server = new RedisServer(executable(), Files.createTempDirectory("flags-redis"), freePort());
			server.restart();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start redis-server", ex);
		}
	}

	/**
	 * The port the server listens on, the same across restarts.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Starts the server again, after {@link #stop()} (with its data) or {@link #kill()} (empty),
	 * and waits until it answers {@code PING}.
	 */
	public synchronized void restart() {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException("redis-server is already running on port " + this.port);
		}
		ProcessBuilder builder = new ProcessBuilder(this.executable.toString(), "--port", Integer.toString(this.port),
				"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString(),
				"--dbfilename", "dump.rdb").redirectErrorStream(true);
		try {
			Process started = builder.start();
			this.process = started;
			awaitPing(started, drain(started.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.executable, ex);
		}
	}

	/**
	 * Shuts the server down cleanly, saving its data, which {@link #restart()} loads again.
	 */
	public synchronized void stop() {
		Process running = requireRunning();
		try (Socket socket = connect()) {
			socket.getOutputStream().write("SHUTDOWN SAVE\r\n".getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			// The server closes the connection as it exits; an answer would be an error.
			int first = socket.getInputStream().read();
			if (first != -1) {
				throw new IllegalStateException("redis-server refused to shut down: " + readLine(first, socket));
			}
		}
		catch (IOException ex) {
			// The connection may be reset rather than closed as the process exits.
		}
		awaitExit(running);
	}

	/**
	 * Kills the server with {@code SIGKILL}, as a crash does; its data is lost, so
	 * {@link #restart()} brings back an empty server.
	 */
	public synchronized void kill() {
		Process running = requireRunning();
		running.destroyForcibly();
		awaitExit(running);
		try {
			Files.deleteIfExists(this.directory.resolve("dump.rdb"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Kills the server if it runs and deletes its directory.
	 */
	@Override
	public synchronized void close() {
		if (this.process != null && this.process.isAlive()) {
			kill();
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// A temporary directory left behind is harmless.
		}
	}

	private Process requireRunning() {
		if (this.process == null || !this.process.isAlive()) {
			throw new IllegalStateException("redis-server is not running on port " + this.port);
		}
		return this.process;
	}

	/** Reads the server's output on a thread of its own; completes when the server says it is ready. */
	private CompletableFuture<Void> drain(InputStream in) {
		CompletableFuture<Void> ready = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					remember(line);
					if (line.contains(READY)) {
						ready.complete(null);
					}
				}
			}
			catch (IOException ex) {
				// The process ended.
			}
			ready.completeExceptionally(new IllegalStateException("redis-server exited: " + recentOutput()));
		}, "redis-server-" + this.port + "-output");
		reader.setDaemon(true);
		reader.start();
		return ready;
	}

	/**
	 * Polls with PING until the server answers, within a bounded time; between attempts it waits
	 * for the server's own "ready" line rather than for a fixed time.
	 */
	private void awaitPing(Process started, CompletableFuture<Void> ready) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
		while (System.nanoTime() < deadline) {
			if (ping()) {
				return;
			}
			if (!started.isAlive()) {
				throw new IllegalStateException("redis-server exited with " + started.exitValue() + ": " + recentOutput());
			}
			try {
				ready.get(50, TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				// Not ready yet: PING again.
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("redis-server did not start: " + recentOutput(), ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while starting redis-server", ex);
			}
		}
		started.destroyForcibly();
		throw new IllegalStateException("redis-server did not answer PING on port " + this.port + " within "
				+ START_TIMEOUT_MILLIS + " ms: " + recentOutput());
	}

	private boolean ping() {
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			int first = socket.getInputStream().read();
			return first == '+' && readLine(first, socket).equals("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
		socket.setSoTimeout(2000);
		return socket;
	}

	private static String readLine(int first, Socket socket) throws IOException {
		StringBuilder line = new StringBuilder().append((char) first);
		int next;
		while ((next = socket.getInputStream().read()) != -1 && next != '\r') {
			line.append((char) next);
		}
		return line.toString();
	}

	private void awaitExit(Process running) {
		try {
			if (!running.waitFor(10, TimeUnit.SECONDS)) {
				running.destroyForcibly();
				running.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping redis-server", ex);
		}
	}

	private void remember(String line) {
		synchronized (this.output) {
			this.output.addLast(line);
			if (this.output.size() > 20) {
				this.output.removeFirst();
			}
		}
	}

	private String recentOutput() {
		synchronized (this.output) {
			return String.join(System.lineSeparator(), this.output);
		}
	}

	private static synchronized Path executable() throws IOException {
		if (foundExecutable == null) {
			foundExecutable = findExecutable();
		}
		return foundExecutable;
	}

	private static Path findExecutable() throws IOException {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator)) {
				Path candidate = Path.of(directory, "redis-server");
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		// No redis-server installed: use the binary shipped in the embedded-redis test dependency.
		File shipped = ExecutableProvider.newJarResourceProvider().get();
		shipped.setExecutable(true);
		return shipped.toPath();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Override
	public String toString() {
		return "redis-server " + this.executable + " on port " + this.port;
	}

}
