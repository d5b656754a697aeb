package dev.flags.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.flags.core.audit.AuditJson;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.json.PlainJson;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;
import org.jspecify.annotations.Nullable;

/**
 * The lines of a {@link FileFlagStore}'s audit file: an audit record (see {@link AuditJson}) and
 * <ul>
 * <li>{@code definition}: the flag's whole definition after the change (absent after a deletion),
 * so that the log says what every audited flag should look like, and an edit made by hand can be
 * told from a change made through the store;</li>
 * <li>{@code previous} and {@code document}: the SHA-256 of the definitions file as the writer
 * found it under the lock, and as the change left it, so that a change that never reached the file
 * (the process died between appending its record and replacing the file) can be recognised: the
 * next writer, or the file as it is now, still finds the file as it was before.</li>
 * </ul>
 */
final class AuditLines {

	private static final String DEFINITION = "definition";

	private static final String PREVIOUS = "previous";

	private static final String DOCUMENT = "document";

	private AuditLines() {
	}

	static String line(AuditRecord record, @Nullable Flag definition, String previous, String document) {
		Map<String, @Nullable Object> map = AuditJson.toMap(record);
		map.remove("id");
		if (definition != null) {
			map.put(DEFINITION, PlainJson.flag(definition));
		}
		map.put(PREVIOUS, previous);
		map.put(DOCUMENT, document);
		return PlainJson.write(map);
	}

	/**
	 * The readable lines of an audit file; torn or damaged lines are left out.
	 * @param lines the lines, oldest first
	 * @return the parsed lines, oldest first
	 */
	static List<Parsed> parse(List<AuditFile.Line> lines) {
		List<Parsed> parsed = new ArrayList<>();
		for (AuditFile.Line line : lines) {
			try {
				AuditRecord record = AuditJson.read(Long.toString(line.offset()), line.text());
				Map<?, ?> map = (Map<?, ?>) PlainJson.read(line.text());
				parsed.add(new Parsed(record, after(record, map), text(map, PREVIOUS), text(map, DOCUMENT)));
			}
			catch (IllegalArgumentException ex) {
				// A torn or hand-damaged line: the others still count.
			}
		}
		return parsed;
	}

	/**
	 * Which lines record a change that never reached the definitions file: a write whose
	 * {@code previous} the next line found again, or, for the last line, the file still has.
	 * @param lines the lines, oldest first
	 * @param current the SHA-256 of the definitions file now
	 * @return for each line, whether its change was not applied
	 */
	static boolean[] unapplied(List<Parsed> lines, String current) {
		boolean[] unapplied = new boolean[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			Parsed line = lines.get(i);
			String found = (i + 1 < lines.size()) ? lines.get(i + 1).previous() : current;
			unapplied[i] = line.isWrite() && line.previous().equals(found);
		}
		return unapplied;
	}

	/**
	 * The SHA-256 of a definitions file's content.
	 * @param content the bytes, or null for a file that does not exist
	 * @return the hash, in hexadecimal
	 */
	static String hash(byte @Nullable [] content) {
		try {
			byte[] bytes = (content != null) ? content : "".getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private static @Nullable After after(AuditRecord record, Map<?, ?> map) {
		if (record.type() == AuditRecord.Type.DELETED) {
			return new After(null);
		}
		if (!(map.get(DEFINITION) instanceof Map<?, ?> definition)) {
			return null;
		}
		try {
			return new After(DefinitionsCodec.readFlag(PlainJson.write(definition)));
		}
		catch (InvalidDefinitionsException ex) {
			return null;
		}
	}

	private static @Nullable String text(Map<?, ?> map, String field) {
		return (map.get(field) instanceof String text) ? text : null;
	}

	/**
	 * One readable line.
	 *
	 * @param record the audit record
	 * @param after what the flag was after the change, or null when the line does not say
	 * @param previous the hash of the file before the change, or null when the line does not say
	 * @param document the hash of the file after the change, or null when the line does not say
	 */
	record Parsed(AuditRecord record, @Nullable After after, @Nullable String previous, @Nullable String document) {

		/** A write through the store changes the file; a record of an edit by hand found it changed. */
		boolean isWrite() {
			return this.previous != null && this.document != null && !this.previous.equals(this.document);
		}

	}

	/**
	 * What a flag was after a change.
	 *
	 * @param flag the flag, or null when it was deleted
	 */
	record After(@Nullable Flag flag) {

	}

}
