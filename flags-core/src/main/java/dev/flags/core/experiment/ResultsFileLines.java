package dev.flags.core.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the lines of {@link FileResultsStore}'s file.
 */
final class ResultsFileLines {

	private final Path file;

	private final InMemoryResultsStore target;

	private @Nullable String experiment;

	private int number;

	ResultsFileLines(Path file, InMemoryResultsStore target) {
		this.file = file;
		this.target = target;
	}

	/** Tab-separated fields, escaped. */
	static String join(String... fields) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				line.append('\t');
			}
			escape(fields[i], line);
		}
		return line.toString();
	}

	/** The fields of a line, unescaped. */
	static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\t') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\\' && i + 1 < line.length()) {
				char next = line.charAt(++i);
				field.append(switch (next) {
					case 't' -> '\t';
					case 'n' -> '\n';
					case 'r' -> '\r';
					case '\\' -> '\\';
					default -> throw new IllegalArgumentException("unknown escape \\" + next);
				});
			}
			else if (c == '\\') {
				throw new IllegalArgumentException("a backslash ends the line");
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	void read(BufferedReader in) throws IOException {
		String header = in.readLine();
		this.number = 1;
		if (header == null) {
			return;
		}
		if (!header.equals(FileResultsStore.HEADER)) {
			throw problem("it does not start with '" + FileResultsStore.HEADER.replace('\t', ' ')
					+ "' (tab-separated), so it is not an experiment results file");
		}
		String line;
		while ((line = in.readLine()) != null) {
			this.number++;
			if (!line.isEmpty()) {
				try {
					apply(split(line));
				}
				catch (IllegalArgumentException ex) {
					throw problem(ex.getMessage());
				}
			}
		}
	}

	private void apply(List<String> fields) {
		String type = fields.get(0);
		switch (type) {
			case "E" -> {
				expect(fields, 2, "E<tab>experiment");
				this.experiment = fields.get(1);
			}
			case "X" -> {
				expect(fields, 3, "X<tab>unit<tab>variant");
				if (!this.target.restoreExposure(experiment(), fields.get(1), fields.get(2))) {
					throw new IllegalArgumentException("unit '" + fields.get(1) + "' is exposed twice");
				}
			}
			case "V" -> {
				expect(fields, 4, "V<tab>unit<tab>metric<tab>value");
				if (!this.target.restoreValue(experiment(), fields.get(1), fields.get(2), number(fields.get(3)))) {
					throw new IllegalArgumentException("unit '" + fields.get(1) + "' has a value of metric '"
							+ fields.get(2) + "' but no exposure before it, or two values");
				}
			}
			case "S" -> {
				expect(fields, 5, "S<tab>design<tab>metric<tab>variant<tab>p");
				SequentialState state = new SequentialState(
						Map.of(fields.get(2), Map.of(fields.get(3), number(fields.get(4)))));
				this.target.mergeSequentialState(experiment(), fields.get(1), state);
			}
			default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
		}
	}

	private String experiment() {
		if (this.experiment == null) {
			throw new IllegalArgumentException("a record comes before the first 'E' line that names its experiment");
		}
		return this.experiment;
	}

	private static void expect(List<String> fields, int count, String shape) {
		if (fields.size() != count) {
			throw new IllegalArgumentException("expected " + shape + " but found " + fields.size() + " fields");
		}
	}

	private static double number(String text) {
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a number");
		}
	}

	private IllegalStateException problem(@Nullable String reason) {
		return new IllegalStateException("Experiment results file " + this.file + ", line " + this.number + ": "
				+ reason + ". Fix or move the file away; it is not overwritten while it cannot be read");
	}

	private static void escape(String field, StringBuilder line) {
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			switch (c) {
				case '\\' -> line.append("\\\\");
				case '\t' -> line.append("\\t");
				case '\n' -> line.append("\\n");
				case '\r' -> line.append("\\r");
				default -> line.append(c);
			}
		}
	}

}
