package dev.flags.spring.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.InvalidDefinitionsException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;

/**
 * The definitions an application configures: the document at {@code flags.definitions-location},
 * with the flags and segments of {@code flags.definitions} laid over it field by field. Both are
 * read by {@link DefinitionsCodec}, so a mistake is reported exactly as in any document.
 */
final class ConfiguredDefinitions {

	private static final String LOCATION_PROPERTY = "flags.definitions-location";

	private ConfiguredDefinitions() {
	}

	/**
	 * Reads the configured definitions.
	 * @param properties the configuration
	 * @return the definitions, validated
	 * @throws InvalidDefinitionsSourceException when they break the spec's rules
	 * @throws InvalidConfigurationPropertyValueException when the location cannot be read
	 */
	static Definitions load(FlagsProperties properties) {
		Resource location = properties.getDefinitionsLocation();
		ObjectNode document = (location != null) ? readLocation(location) : JsonNodeFactory.instance.objectNode();
		FlagsProperties.Definitions configured = properties.getDefinitions();
		if (location != null && configured.getFlags().isEmpty() && configured.getSegments().isEmpty()) {
			return read(document, describe(location));
		}
		ArrayNode flags = array(document, "flags");
		configured.getFlags().forEach((key, flag) -> overlay(flags, DefinitionPropertiesTree.flag(key, flag)));
		ArrayNode segments = array(document, "segments");
		configured.getSegments()
			.forEach((key, segment) -> overlay(segments, DefinitionPropertiesTree.segment(key, segment)));
		String source = (location != null) ? "flags.definitions laid over " + describe(location) : "flags.definitions";
		return read(document, source);
	}

	private static ObjectNode readLocation(Resource location) {
		if (!location.exists()) {
			throw new InvalidConfigurationPropertyValueException(LOCATION_PROPERTY, location.getDescription(),
					"No definitions document exists there.");
		}
		String json;
		try {
			json = location.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidConfigurationPropertyValueException(LOCATION_PROPERTY, location.getDescription(),
					"The definitions document could not be read: " + ex.getMessage());
		}
		JsonNode root;
		try {
			root = DefinitionsCodec.parse(json);
			DefinitionsCodec.read(root);
		}
		catch (InvalidDefinitionsException ex) {
			throw new InvalidDefinitionsSourceException(describe(location), ex);
		}
		return (ObjectNode) root;
	}

	private static Definitions read(ObjectNode document, String source) {
		try {
			return DefinitionsCodec.read(document);
		}
		catch (InvalidDefinitionsException ex) {
			throw new InvalidDefinitionsSourceException(source, ex);
		}
	}

	private static ArrayNode array(ObjectNode document, String field) {
		JsonNode existing = document.get(field);
		return (existing instanceof ArrayNode array) ? array : document.putArray(field);
	}

	// A configured entry replaces the fields it sets of the document's entry with the same key.
	private static void overlay(ArrayNode entries, ObjectNode configured) {
		String key = configured.get("key").stringValue();
		ObjectNode existing = find(entries, key);
		if (existing != null) {
			existing.setAll(configured);
		}
		else {
			entries.add(configured);
		}
	}

	private static @Nullable ObjectNode find(ArrayNode entries, String key) {
		for (JsonNode entry : entries) {
			JsonNode entryKey = entry.get("key");
			if (entry instanceof ObjectNode object && entryKey != null && entryKey.isString()
					&& key.equals(entryKey.stringValue())) {
				return object;
			}
		}
		return null;
	}

	private static String describe(Resource location) {
		return LOCATION_PROPERTY + " (" + location.getDescription() + ")";
	}

}
