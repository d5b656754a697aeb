package dev.flags.spring.autoconfigure;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns definitions bound from configuration into the JSON tree of the evaluation spec, so that
 * they are read and checked by the same codec as a document. Only the fields that are set are
 * written: a field left out takes the spec's default, or the value of a document it is laid
 * over.
 */
final class DefinitionPropertiesTree {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private DefinitionPropertiesTree() {
	}

	static ObjectNode flag(String key, FlagDefinitionProperties flag) {
		ObjectNode node = nodes.objectNode();
		node.put("key", key);
		putIfSet(node, "kind", flag.getKind());
		putIfSet(node, "description", flag.getDescription());
		putIfSet(node, "owner", flag.getOwner());
		if (flag.getEnabled() != null) {
			node.put("enabled", flag.getEnabled());
		}
		if (flag.getRollout() != null) {
			node.put("rollout", flag.getRollout());
		}
		putIfSet(node, "bucketBy", flag.getBucketBy());
		putIfSet(node, "salt", flag.getSalt());
		putStrings(node, "include", flag.getInclude());
		putStrings(node, "exclude", flag.getExclude());
		List<FlagDefinitionProperties.Rule> rules = flag.getRules();
		if (rules != null) {
			ArrayNode array = node.putArray("rules");
			for (FlagDefinitionProperties.Rule rule : rules) {
				ObjectNode ruleNode = array.addObject();
				putIfSet(ruleNode, "description", rule.getDescription());
				ruleNode.set("when", conditions(rule.getWhen()));
				if (rule.getRollout() != null) {
					ruleNode.put("rollout", rule.getRollout());
				}
				putIfSet(ruleNode, "variant", rule.getVariant());
			}
		}
		List<FlagDefinitionProperties.Variant> variants = flag.getVariants();
		if (variants != null) {
			ArrayNode array = node.putArray("variants");
			for (FlagDefinitionProperties.Variant variant : variants) {
				ObjectNode variantNode = array.addObject();
				putIfSet(variantNode, "name", variant.getName());
				if (variant.getWeight() != null) {
					variantNode.put("weight", variant.getWeight());
				}
			}
		}
		if (flag.getClientVisible() != null) {
			node.put("clientVisible", flag.getClientVisible());
		}
		putIfSet(node, "createdAt", flag.getCreatedAt());
		putIfSet(node, "expiresAt", flag.getExpiresAt());
		return node;
	}

	static ObjectNode segment(String key, SegmentDefinitionProperties segment) {
		ObjectNode node = nodes.objectNode();
		node.put("key", key);
		putIfSet(node, "description", segment.getDescription());
		putStrings(node, "include", segment.getInclude());
		putStrings(node, "exclude", segment.getExclude());
		List<SegmentDefinitionProperties.Rule> rules = segment.getRules();
		if (rules != null) {
			ArrayNode array = node.putArray("rules");
			for (SegmentDefinitionProperties.Rule rule : rules) {
				ObjectNode ruleNode = array.addObject();
				putIfSet(ruleNode, "description", rule.getDescription());
				ruleNode.set("when", conditions(rule.getWhen()));
			}
		}
		return node;
	}

	private static ArrayNode conditions(List<FlagDefinitionProperties.Condition> conditions) {
		ArrayNode array = nodes.arrayNode();
		for (FlagDefinitionProperties.Condition condition : conditions) {
			ObjectNode node = array.addObject();
			putIfSet(node, "attribute", condition.getAttribute());
			putIfSet(node, "op", condition.getOp());
			ArrayNode values = node.putArray("values");
			condition.getValues().forEach((value) -> values.add(value(value)));
			if (condition.getNegate() != null) {
				node.put("negate", condition.getNegate());
			}
		}
		return array;
	}

	// YAML keeps numbers and booleans typed; properties files and environment variables give strings.
	private static JsonNode value(@Nullable Object value) {
		if (value == null) {
			return nodes.nullNode();
		}
		if (value instanceof Boolean bool) {
			return nodes.booleanNode(bool);
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return nodes.numberNode(((Number) value).longValue());
		}
		if (value instanceof BigInteger big) {
			return nodes.numberNode(new BigDecimal(big));
		}
		if (value instanceof BigDecimal big) {
			return nodes.numberNode(big);
		}
		if (value instanceof Double || value instanceof Float) {
			return nodes.numberNode(new BigDecimal(value.toString()));
		}
		// Structured values are invalid in a condition: pass their shape on for the codec to report.
		if (value instanceof Map<?, ?>) {
			return nodes.objectNode();
		}
		if (value instanceof Collection<?>) {
			return nodes.arrayNode();
		}
		return nodes.stringNode(value.toString());
	}

	private static void putIfSet(ObjectNode node, String field, @Nullable String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	private static void putStrings(ObjectNode node, String field, @Nullable List<String> values) {
		if (values != null) {
			ArrayNode array = node.putArray(field);
			values.forEach(array::add);
		}
	}

}
