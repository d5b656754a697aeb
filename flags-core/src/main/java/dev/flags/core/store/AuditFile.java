package dev.flags.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of JSON lines, one audit record per line. Appending is done under the
 * store's file lock; reading takes no lock and sees whole lines only.
 */
final class AuditFile {

	private static final byte NEWLINE = '\n';

	private final Path file;

	AuditFile(Path file) {
		this.file = file;
	}

	Path file() {
		return this.file;
	}

	/**
	 * Appends one line and forces it to disk before returning. A line torn by a crash is closed
	 * first, so that it stays one unreadable line rather than spoil this one.
	 * @param line the line, without its line break
	 * @return the offset of the line in the file, which is the record's id
	 */
	long append(String line) throws IOException {
		boolean created = !Files.exists(this.file);
		long offset;
		try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE)) {
			long size = channel.size();
			boolean torn = size > 0 && lastByte(channel, size) != NEWLINE;
			offset = torn ? size + 1 : size;
			byte[] bytes = (torn ? "\n" + line + "\n" : line + "\n").getBytes(StandardCharsets.UTF_8);
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			long position = size;
			while (buffer.hasRemaining()) {
				position += channel.write(buffer, position);
			}
			channel.force(true);
		}
		if (created) {
			FileFlagStore.forceDirectory(this.file.getParent());
		}
		return offset;
	}

	/**
	 * The complete lines of the file, with their offsets; a last line without its line break
	 * (torn by a crash, or being written) is left out.
	 * @return the lines, oldest first; none when the file does not exist
	 */
	List<Line> read() throws IOException {
		byte[] content;
		try {
			content = Files.readAllBytes(this.file);
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
		List<Line> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < content.length; i++) {
			if (content[i] == NEWLINE) {
				if (i > start) {
					lines.add(new Line(start, new String(content, start, i - start, StandardCharsets.UTF_8)));
				}
				start = i + 1;
			}
		}
		return lines;
	}

	private static byte lastByte(FileChannel channel, long size) throws IOException {
		ByteBuffer last = ByteBuffer.allocate(1);
		channel.read(last, size - 1);
		return last.get(0);
	}

	/**
	 * One line of the file.
	 *
	 * @param offset where it starts
	 * @param text its text, without the line break
	 */
	record Line(long offset, String text) {

	}

}
