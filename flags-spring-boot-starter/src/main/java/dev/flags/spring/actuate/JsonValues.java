package dev.flags.spring.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * JSON trees as plain Java values (maps, lists, strings, numbers, booleans), which any JSON
 * mapper writes back the same way, whichever Jackson the actuator endpoints are set up with.
 */
final class JsonValues {

	private JsonValues() {
	}

	static @Nullable Object plain(JsonNode node) {
		if (node.isObject()) {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			node.properties().forEach((entry) -> map.put(entry.getKey(), plain(entry.getValue())));
			return map;
		}
		if (node.isArray()) {
			return node.values().stream().map(JsonValues::plain).toList();
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return node.isNull() ? null : node.asString();
	}

}
