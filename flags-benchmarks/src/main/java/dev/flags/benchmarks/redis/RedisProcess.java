package dev.flags.benchmarks.redis;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import redis.embedded.core.ExecutableProvider;

/**
 * A {@code redis-server} of the benchmark's own, on a free port of the loopback interface, without
 * persistence, in a temporary directory. The binary is {@code redis-server} from the {@code PATH},
 * or else the one shipped in the {@code embedded-redis} dependency.
 */
final class RedisProcess implements AutoCloseable {

	private final Process process;

	private final Path directory;

	private final int port;

	private RedisProcess(Process process, Path directory, int port) {
		this.process = process;
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Starts a server and waits until it accepts connections.
	 * @return the running server
	 * @throws IOException when it cannot be started
	 */
	static RedisProcess start() throws IOException {
		int port = freePort();
		Path directory = Files.createTempDirectory("flags-benchmark-redis");
		Process process = new ProcessBuilder(executable().toString(), "--port", Integer.toString(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString())
			.redirectErrorStream(true)
			.start();
		RedisProcess redis = new RedisProcess(process, directory, port);
		try {
			ready(process).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			redis.close();
			throw new IOException("Interrupted while starting redis-server", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			redis.close();
			throw new IOException("redis-server did not become ready on port " + port, ex);
		}
		return redis;
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	int port() {
		return this.port;
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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

	/** Completes when the server says it accepts connections, reading its output on a thread of its own. */
	private static CompletableFuture<Void> ready(Process process) {
		CompletableFuture<Void> ready = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.contains("Ready to accept connections")) {
						ready.complete(null);
					}
				}
			}
			catch (IOException ex) {
				// The process ended.
			}
			ready.completeExceptionally(new IllegalStateException("redis-server exited"));
		}, "redis-server-output");
		reader.setDaemon(true);
		reader.start();
		return ready;
	}

	private static Path executable() throws IOException {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator)) {
				Path candidate = Path.of(directory, "redis-server");
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		File shipped = ExecutableProvider.newJarResourceProvider().get();
		if (!shipped.setExecutable(true)) {
			throw new IOException("Could not make " + shipped + " executable");
		}
		return shipped.toPath();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
