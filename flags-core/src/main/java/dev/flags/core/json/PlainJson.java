package dev.flags.core.json;

import java.util.Map;

import dev.flags.core.model.Flag;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as plain Java values (strings, booleans, numbers, lists, maps and null), for the parts of
 * the engine that keep JSON without knowing Jackson: the audit log above all. Numbers are read
 * exactly (decimals as {@link java.math.BigDecimal}) and written in plain notation. Thread-safe.
 */
public final class PlainJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private PlainJson() {
	}

	/**
	 * A flag's JSON (spec §1) as plain values, field by field, exactly as they read back from
	 * the written JSON (a rollout of 25 is the integer 25, of 25.5 a decimal).
	 * @param flag the flag
	 * @return its fields, in the order the codec writes them
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, @Nullable Object> flag(Flag flag) {
		return (Map<String, @Nullable Object>) read(MAPPER.writeValueAsString(DefinitionsCodec.flagTree(flag)));
	}

	/**
	 * Writes plain values as compact JSON on one line.
	 * @param value a string, boolean, number, list or map of those, or null
	 * @return the JSON text, without line breaks
	 */
	public static String write(@Nullable Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * Reads JSON text as plain values.
	 * @param json the text
	 * @return the value: a string, boolean, number, list, map or null
	 * @throws IllegalArgumentException when the text is not JSON
	 */
	public static @Nullable Object read(String json) {
		JsonNode node;
		try {
			node = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Malformed JSON: " + ex.getOriginalMessage(), ex);
		}
		if (node == null || node.isMissingNode()) {
			throw new IllegalArgumentException("Malformed JSON: no value");
		}
		return DefinitionsCodec.plain(node);
	}

}
