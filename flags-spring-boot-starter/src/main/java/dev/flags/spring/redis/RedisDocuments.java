package dev.flags.spring.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.DefinitionProblem;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.core.model.Segment;
import dev.flags.core.store.FlagStoreException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between the model and what the store's hashes hold: one field per flag (or segment),
 * its key, whose value is the flag's JSON exactly as in the spec's document, so that services in
 * other languages read the same definitions.
 */
final class RedisDocuments {

	// Compact, unlike the codec's pretty printing: one line per hash field reads well in redis-cli.
	private static final JsonMapper COMPACT = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private RedisDocuments() {
	}

	/**
	 * The JSON of one flag.
	 * @param flag the flag
	 * @return the JSON text
	 */
	static String json(Flag flag) {
		return COMPACT.writeValueAsString(DefinitionsCodec.flagTree(flag));
	}

	/**
	 * The JSON of one segment.
	 * @param segment the segment
	 * @return the JSON text
	 */
	static String json(Segment segment) {
		JsonNode document = DefinitionsCodec.toTree(Definitions.of(List.of(), List.of(segment)));
		return COMPACT.writeValueAsString(document.get("segments").get(0));
	}

	/**
	 * Reads and validates the document the hashes hold.
	 * @param keys the store's keys, to name them in errors
	 * @param flags the flags hash
	 * @param segments the segments hash
	 * @return the definitions, flags and segments in key order
	 * @throws FlagStoreException naming every field that is malformed or invalid
	 */
	static Definitions read(RedisKeys keys, Map<String, String> flags, Map<String, String> segments) {
		List<String> problems = new ArrayList<>();
		List<Flag> readFlags = readAll(keys.flags(), flags, problems,
				(node) -> DefinitionsCodec.read(wrap("flags", node)).flags().get(0));
		List<Segment> readSegments = readAll(keys.segments(), segments, problems,
				(node) -> DefinitionsCodec.read(wrap("segments", node)).segments().get(0));
		Definitions definitions = Definitions.of(readFlags, readSegments);
		if (problems.isEmpty()) {
			DefinitionsValidator.problems(definitions).forEach((problem) -> problems.add(problem.toString()));
		}
		if (!problems.isEmpty()) {
			throw new FlagStoreException("Redis holds invalid flag definitions, so they were not loaded ("
					+ problems.size() + ((problems.size() == 1) ? " problem" : " problems") + "): "
					+ String.join("; ", problems));
		}
		return definitions;
	}

	private static <T> List<T> readAll(String hash, Map<String, String> entries, List<String> problems,
			Function<JsonNode, T> reader) {
		List<T> read = new ArrayList<>();
		for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
			String where = "field '" + entry.getKey() + "' of hash '" + hash + "'";
			try {
				JsonNode node = DefinitionsCodec.parse(entry.getValue());
				JsonNode key = node.get("key");
				if (node.isObject() && key != null && key.isString() && !key.stringValue().equals(entry.getKey())) {
					problems.add(where + ": holds the key '" + key.stringValue()
							+ "'; the field and the key inside its JSON must be equal");
					continue;
				}
				read.add(reader.apply(node));
			}
			catch (InvalidDefinitionsException ex) {
				problems.add(where + ": " + describe(ex.problems()));
			}
		}
		return read;
	}

	private static ObjectNode wrap(String array, JsonNode node) {
		ObjectNode document = JsonNodeFactory.instance.objectNode();
		document.putArray(array).add(node);
		return document;
	}

	private static String describe(List<DefinitionProblem> problems) {
		return problems.stream()
			.map((problem) -> problem.location().equals("document") ? problem.reason()
					: problem.field() + ": " + problem.reason())
			.collect(Collectors.joining(", "));
	}

}
