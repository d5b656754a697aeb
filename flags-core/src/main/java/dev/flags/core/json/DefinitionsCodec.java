package dev.flags.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flags.core.model.Condition;
import dev.flags.core.model.DefinitionProblem;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.FlagKind;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Segment;
import dev.flags.core.model.SegmentRule;
import dev.flags.core.model.Variant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the definitions document of spec §1, and evaluation contexts of spec §2.
 * <p>
 * Reading validates: a document that breaks a rule is rejected whole with an
 * {@link InvalidDefinitionsException} that lists every problem by flag or segment, field and
 * reason. Reading then writing loses nothing: metadata and fields this version does not know are
 * kept and written back. Thread-safe.
 */
public final class DefinitionsCodec {

	private static final Set<String> FLAG_FIELDS = Set.of("key", "kind", "description", "owner", "enabled", "rollout",
			"bucketBy", "salt", "include", "exclude", "rules", "variants", "clientVisible", "createdAt", "expiresAt",
			"version");

	private static final Set<String> RULE_FIELDS = Set.of("description", "when", "rollout", "variant");

	private static final Set<String> CONDITION_FIELDS = Set.of("attribute", "op", "values", "negate");

	private static final Set<String> VARIANT_FIELDS = Set.of("name", "weight");

	private static final Set<String> SEGMENT_FIELDS = Set.of("key", "description", "include", "exclude", "rules");

	private static final Set<String> SEGMENT_RULE_FIELDS = Set.of("description", "when");

	private static final Set<String> DOCUMENT_FIELDS = Set.of("flags", "segments");

	/** The parser's default limit on a number's length; a longer integer is left in exponent form. */
	private static final int MAX_INTEGER_DIGITS = 1000;

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private DefinitionsCodec() {
	}

	/**
	 * Reads and validates a definitions document.
	 * @param json the document
	 * @return the definitions
	 * @throws InvalidDefinitionsException when the JSON is malformed or the document invalid
	 */
	public static Definitions read(String json) {
		return read(parse(json));
	}

	/**
	 * Reads and validates a definitions document.
	 * @param json the document as UTF-8 bytes
	 * @return the definitions
	 * @throws InvalidDefinitionsException when the JSON is malformed or the document invalid
	 */
	public static Definitions read(byte[] json) {
		return read(new String(json, StandardCharsets.UTF_8));
	}

	/**
	 * Reads and validates a definitions document from a parsed tree.
	 * @param root the document's root node
	 * @return the definitions
	 * @throws InvalidDefinitionsException when the document is invalid
	 */
	public static Definitions read(JsonNode root) {
		Reader reader = new Reader();
		Definitions definitions = reader.document(root);
		reader.finish(DefinitionsValidator.problems(definitions));
		return definitions;
	}

	/**
	 * Reads and validates one flag, as an admin API receives it.
	 * @param json the flag object
	 * @return the flag
	 * @throws InvalidDefinitionsException when the JSON is malformed or the flag invalid
	 */
	public static Flag readFlag(String json) {
		JsonNode node = parse(json);
		Reader reader = new Reader();
		if (!node.isObject()) {
			reader.problem("document", "flag", "must be a JSON object");
			reader.finish(List.of());
		}
		Flag flag = reader.flag(node, 0);
		reader.finish(DefinitionsValidator.problems(flag));
		return flag;
	}

	/**
	 * Reads an evaluation context: {@code {"key": ..., "attributes": {...}}}.
	 * @param node the context object
	 * @return the context
	 * @throws IllegalArgumentException when the context is not of that shape
	 */
	public static FlagContext readContext(JsonNode node) {
		if (!node.isObject()) {
			throw new IllegalArgumentException("A context must be a JSON object");
		}
		JsonNode key = node.get("key");
		if (key != null && !key.isNull() && !key.isString()) {
			throw new IllegalArgumentException("Context 'key' must be a string");
		}
		FlagContext.Builder builder = FlagContext.builder((key != null && key.isString()) ? key.stringValue() : null);
		JsonNode attributes = node.get("attributes");
		if (attributes != null && !attributes.isNull()) {
			if (!attributes.isObject()) {
				throw new IllegalArgumentException("Context 'attributes' must be an object");
			}
			for (Map.Entry<String, JsonNode> entry : attributes.properties()) {
				builder.attribute(entry.getKey(), plain(entry.getValue()));
			}
		}
		return builder.build();
	}

	/**
	 * Reads an evaluation context from JSON text.
	 * @param json the context object
	 * @return the context
	 * @throws IllegalArgumentException when the JSON is malformed or not a context
	 */
	public static FlagContext readContext(String json) {
		try {
			return readContext(MAPPER.readTree(json));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Malformed context JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Parses JSON text to a tree with the codec's settings (duplicate keys refused, decimals exact).
	 * @param json the text
	 * @return the root node
	 * @throws InvalidDefinitionsException when the JSON is malformed
	 */
	public static JsonNode parse(String json) {
		try {
			JsonNode node = MAPPER.readTree(json);
			if (node == null || node.isMissingNode()) {
				throw new InvalidDefinitionsException(
						List.of(new DefinitionProblem("document", "(json)", "the document is empty")));
			}
			return node;
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null)
					? " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() : "";
			throw new InvalidDefinitionsException(
					List.of(new DefinitionProblem("document", "(json)", "malformed JSON" + where + ": " + ex.getOriginalMessage())));
		}
	}

	/**
	 * Writes a definitions document as pretty-printed JSON.
	 * @param definitions the document
	 * @return the JSON text
	 */
	public static String write(Definitions definitions) {
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(definitions)) + "\n";
	}

	/**
	 * Writes one flag as pretty-printed JSON.
	 * @param flag the flag
	 * @return the JSON text
	 */
	public static String writeFlag(Flag flag) {
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(flagTree(flag));
	}

	/**
	 * The JSON tree of a definitions document.
	 * @param definitions the document
	 * @return the tree
	 */
	public static ObjectNode toTree(Definitions definitions) {
		ObjectNode root = MAPPER.createObjectNode();
		ArrayNode flags = root.putArray("flags");
		definitions.flags().forEach((flag) -> flags.add(flagTree(flag)));
		ArrayNode segments = root.putArray("segments");
		for (Segment segment : definitions.segments()) {
			ObjectNode node = segments.addObject();
			node.put("key", segment.key());
			putIfPresent(node, "description", segment.description());
			putStrings(node, "include", segment.include());
			putStrings(node, "exclude", segment.exclude());
			ArrayNode rules = node.putArray("rules");
			for (SegmentRule rule : segment.rules()) {
				ObjectNode ruleNode = rules.addObject();
				putIfPresent(ruleNode, "description", rule.description());
				putConditions(ruleNode, rule.when());
				putExtra(ruleNode, rule.extra());
			}
			putExtra(node, segment.extra());
		}
		putExtra(root, definitions.extra());
		return root;
	}

	/**
	 * The JSON tree of one flag.
	 * @param flag the flag
	 * @return the tree
	 */
	public static ObjectNode flagTree(Flag flag) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("key", flag.key());
		node.put("kind", flag.kind().json());
		putIfPresent(node, "description", flag.description());
		putIfPresent(node, "owner", flag.owner());
		node.put("enabled", flag.enabled());
		node.put("rollout", flag.rollout());
		putIfPresent(node, "bucketBy", flag.bucketBy());
		putIfPresent(node, "salt", flag.salt());
		if (!flag.include().isEmpty()) {
			putStrings(node, "include", flag.include());
		}
		if (!flag.exclude().isEmpty()) {
			putStrings(node, "exclude", flag.exclude());
		}
		if (!flag.rules().isEmpty()) {
			ArrayNode rules = node.putArray("rules");
			for (Rule rule : flag.rules()) {
				ObjectNode ruleNode = rules.addObject();
				putIfPresent(ruleNode, "description", rule.description());
				putConditions(ruleNode, rule.when());
				if (rule.rollout() != null) {
					ruleNode.put("rollout", rule.rollout());
				}
				putIfPresent(ruleNode, "variant", rule.variant());
				putExtra(ruleNode, rule.extra());
			}
		}
		if (!flag.variants().isEmpty()) {
			ArrayNode variants = node.putArray("variants");
			for (Variant variant : flag.variants()) {
				ObjectNode variantNode = variants.addObject();
				variantNode.put("name", variant.name());
				variantNode.put("weight", variant.weight());
				putExtra(variantNode, variant.extra());
			}
		}
		if (flag.clientVisible()) {
			node.put("clientVisible", true);
		}
		putIfPresent(node, "createdAt", flag.createdAt());
		putIfPresent(node, "expiresAt", flag.expiresAt());
		if (flag.version() != null) {
			node.put("version", flag.version());
		}
		putExtra(node, flag.extra());
		return node;
	}

	private static void putConditions(ObjectNode node, List<Condition> when) {
		ArrayNode conditions = node.putArray("when");
		for (Condition condition : when) {
			ObjectNode conditionNode = conditions.addObject();
			putIfPresent(conditionNode, "attribute", condition.attribute());
			conditionNode.put("op", condition.op().json());
			ArrayNode values = conditionNode.putArray("values");
			condition.values().forEach((value) -> values.add(MAPPER.valueToTree(value)));
			if (condition.negate()) {
				conditionNode.put("negate", true);
			}
			putExtra(conditionNode, condition.extra());
		}
	}

	private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	private static void putStrings(ObjectNode node, String field, List<String> values) {
		ArrayNode array = node.putArray(field);
		values.forEach(array::add);
	}

	private static void putExtra(ObjectNode node, Map<String, @Nullable Object> extra) {
		extra.forEach((name, value) -> node.set(name, MAPPER.valueToTree(value)));
	}

	/**
	 * A number as it reads back once written. Numbers are written in plain notation, so an
	 * integral decimal in exponent form ({@code 1e3}, read as a {@link BigDecimal} of negative
	 * scale) is written {@code 1000} and reads back as an integer: it is read as that integer in
	 * the first place, so that reading, writing and reading again gives equal definitions.
	 */
	private static Number readBack(Number number) {
		if (number instanceof BigDecimal big && big.scale() < 0 && big.precision() - big.scale() <= MAX_INTEGER_DIGITS) {
			BigInteger integer = big.toBigIntegerExact();
			if (integer.bitLength() < Integer.SIZE) {
				return integer.intValue();
			}
			return (integer.bitLength() < Long.SIZE) ? integer.longValue() : integer;
		}
		return number;
	}

	/** A JSON value as plain Java: String, Boolean, Number, List, Map, or null. */
	static @Nullable Object plain(JsonNode node) {
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNumber()) {
			return readBack(node.numberValue());
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>();
			node.values().forEach((element) -> list.add(plain(element)));
			return list;
		}
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			map.put(entry.getKey(), plain(entry.getValue()));
		}
		return map;
	}

	/** Builds the model from a tree, collecting every shape problem on the way. */
	private static final class Reader {

		private final Set<DefinitionProblem> problems = new LinkedHashSet<>();

		private final Set<String> faulted = new LinkedHashSet<>();

		void problem(String location, String field, String reason) {
			this.problems.add(new DefinitionProblem(location, field, reason));
			this.faulted.add(location + "\u0000" + field);
		}

		void finish(List<DefinitionProblem> semantic) {
			for (DefinitionProblem problem : semantic) {
				// A field already reported as malformed is not reported again for its placeholder.
				if (!this.faulted.contains(problem.location() + "\u0000" + problem.field())) {
					this.problems.add(problem);
				}
			}
			if (!this.problems.isEmpty()) {
				throw new InvalidDefinitionsException(new ArrayList<>(this.problems));
			}
		}

		Definitions document(JsonNode root) {
			if (!root.isObject()) {
				problem("document", "(root)", "must be a JSON object with 'flags' and 'segments'");
				return Definitions.empty();
			}
			List<Flag> flags = new ArrayList<>();
			JsonNode flagsNode = root.get("flags");
			if (flagsNode != null && !flagsNode.isNull()) {
				if (!flagsNode.isArray()) {
					problem("document", "flags", "must be an array");
				}
				else {
					int index = 0;
					for (JsonNode node : flagsNode.values()) {
						if (!node.isObject()) {
							problem("flags[" + index + "]", "(flag)", "must be an object");
						}
						else {
							flags.add(flag(node, index));
						}
						index++;
					}
				}
			}
			List<Segment> segments = new ArrayList<>();
			JsonNode segmentsNode = root.get("segments");
			if (segmentsNode != null && !segmentsNode.isNull()) {
				if (!segmentsNode.isArray()) {
					problem("document", "segments", "must be an array");
				}
				else {
					int index = 0;
					for (JsonNode node : segmentsNode.values()) {
						if (!node.isObject()) {
							problem("segments[" + index + "]", "(segment)", "must be an object");
						}
						else {
							segments.add(segment(node, index));
						}
						index++;
					}
				}
			}
			return new Definitions(flags, segments, extra(root, DOCUMENT_FIELDS));
		}

		Flag flag(JsonNode node, int index) {
			String key = string(node, "key", "flags[" + index + "]", "key");
			String location;
			if (key == null) {
				location = "flags[" + index + "]";
				if (node.get("key") == null || node.get("key").isNull()) {
					problem(location, "key", "is required");
				}
				key = "";
			}
			else {
				location = DefinitionsValidator.flagLocation(key, index);
			}
			Flag.Builder builder = Flag.builder(key);
			String kind = string(node, "kind", location, "kind");
			if (kind != null) {
				FlagKind parsed = FlagKind.fromJson(kind);
				if (parsed == null) {
					problem(location, "kind", "unknown kind '" + kind
							+ "'; use release, experiment, kill-switch, ops or entitlement");
				}
				else {
					builder.kind(parsed);
				}
			}
			builder.description(string(node, "description", location, "description"));
			builder.owner(string(node, "owner", location, "owner"));
			Boolean enabled = bool(node, "enabled", location, "enabled");
			builder.enabled(enabled == null || enabled);
			BigDecimal rollout = decimal(node.get("rollout"), location, "rollout");
			builder.rollout((rollout != null) ? rollout : BigDecimal.ZERO);
			builder.bucketBy(string(node, "bucketBy", location, "bucketBy"));
			builder.salt(string(node, "salt", location, "salt"));
			builder.include(strings(node.get("include"), location, "include"));
			builder.exclude(strings(node.get("exclude"), location, "exclude"));
			List<Rule> rules = new ArrayList<>();
			int r = 0;
			for (JsonNode ruleNode : array(node.get("rules"), location, "rules")) {
				String field = "rules[" + r++ + "]";
				if (!ruleNode.isObject()) {
					problem(location, field, "must be an object");
					continue;
				}
				rules.add(new Rule(string(ruleNode, "description", location, field + ".description"),
						conditions(ruleNode.get("when"), location, field + ".when"),
						decimal(ruleNode.get("rollout"), location, field + ".rollout"),
						string(ruleNode, "variant", location, field + ".variant"), extra(ruleNode, RULE_FIELDS)));
			}
			builder.rules(rules);
			List<Variant> variants = new ArrayList<>();
			int v = 0;
			for (JsonNode variantNode : array(node.get("variants"), location, "variants")) {
				String field = "variants[" + v++ + "]";
				if (!variantNode.isObject()) {
					problem(location, field, "must be an object");
					continue;
				}
				String name = string(variantNode, "name", location, field + ".name");
				if (name == null) {
					problem(location, field + ".name", "is required");
				}
				BigDecimal weight = decimal(variantNode.get("weight"), location, field + ".weight");
				if (weight == null) {
					problem(location, field + ".weight", "is required");
				}
				variants.add(new Variant((name != null) ? name : "", (weight != null) ? weight : BigDecimal.ZERO,
						extra(variantNode, VARIANT_FIELDS)));
			}
			builder.variants(variants);
			Boolean clientVisible = bool(node, "clientVisible", location, "clientVisible");
			builder.clientVisible(clientVisible != null && clientVisible);
			builder.createdAt(string(node, "createdAt", location, "createdAt"));
			builder.expiresAt(string(node, "expiresAt", location, "expiresAt"));
			JsonNode version = node.get("version");
			if (version != null && !version.isNull()) {
				if (version.isIntegralNumber() && version.canConvertToLong()) {
					builder.version(version.longValue());
				}
				else {
					problem(location, "version", "must be a whole number");
				}
			}
			builder.extra(extra(node, FLAG_FIELDS));
			return builder.build();
		}

		Segment segment(JsonNode node, int index) {
			String key = string(node, "key", "segments[" + index + "]", "key");
			String location = (key != null && !key.isEmpty()) ? "segment '" + key + "'" : "segments[" + index + "]";
			if (key == null && (node.get("key") == null || node.get("key").isNull())) {
				problem(location, "key", "is required");
			}
			List<SegmentRule> rules = new ArrayList<>();
			int r = 0;
			for (JsonNode ruleNode : array(node.get("rules"), location, "rules")) {
				String field = "rules[" + r++ + "]";
				if (!ruleNode.isObject()) {
					problem(location, field, "must be an object");
					continue;
				}
				rules.add(new SegmentRule(string(ruleNode, "description", location, field + ".description"),
						conditions(ruleNode.get("when"), location, field + ".when"),
						extra(ruleNode, SEGMENT_RULE_FIELDS)));
			}
			return new Segment((key != null) ? key : "", string(node, "description", location, "description"),
					strings(node.get("include"), location, "include"), strings(node.get("exclude"), location, "exclude"),
					rules, extra(node, SEGMENT_FIELDS));
		}

		List<Condition> conditions(@Nullable JsonNode node, String location, String field) {
			List<Condition> conditions = new ArrayList<>();
			int c = 0;
			for (JsonNode conditionNode : array(node, location, field)) {
				String path = field + "[" + c++ + "]";
				if (!conditionNode.isObject()) {
					problem(location, path, "must be an object");
					continue;
				}
				String op = string(conditionNode, "op", location, path + ".op");
				Operator operator = (op != null) ? Operator.fromJson(op) : null;
				if (op == null && (conditionNode.get("op") == null || conditionNode.get("op").isNull())) {
					problem(location, path + ".op", "is required");
				}
				else if (op != null && operator == null) {
					problem(location, path + ".op", "unknown operator '" + op + "'");
				}
				List<Object> values = new ArrayList<>();
				int i = 0;
				for (JsonNode valueNode : array(conditionNode.get("values"), location, path + ".values")) {
					String valuePath = path + ".values[" + i++ + "]";
					if (valueNode.isString() || valueNode.isNumber() || valueNode.isBoolean()) {
						values.add(plain(valueNode));
					}
					else {
						problem(location, valuePath, "must be a string, number or boolean (was "
								+ valueNode.getNodeType().name().toLowerCase() + ")");
					}
				}
				Boolean negate = bool(conditionNode, "negate", location, path + ".negate");
				if (operator != null) {
					conditions.add(new Condition(string(conditionNode, "attribute", location, path + ".attribute"),
							operator, values, negate != null && negate, extra(conditionNode, CONDITION_FIELDS)));
				}
			}
			return conditions;
		}

		@Nullable String string(JsonNode node, String name, String location, String field) {
			JsonNode value = node.get(name);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isString()) {
				problem(location, field, "must be a string (was " + value.getNodeType().name().toLowerCase() + ")");
				return null;
			}
			return value.stringValue();
		}

		@Nullable Boolean bool(JsonNode node, String name, String location, String field) {
			JsonNode value = node.get(name);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isBoolean()) {
				problem(location, field, "must be true or false (was " + value.getNodeType().name().toLowerCase() + ")");
				return null;
			}
			return value.booleanValue();
		}

		@Nullable BigDecimal decimal(@Nullable JsonNode value, String location, String field) {
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isNumber()) {
				problem(location, field, "must be a number (was " + value.getNodeType().name().toLowerCase() + ")");
				return null;
			}
			Number number = value.numberValue();
			if (number instanceof BigDecimal big) {
				return (big.scale() < 0 && big.precision() - big.scale() <= MAX_INTEGER_DIGITS) ? big.setScale(0) : big;
			}
			if (number instanceof BigInteger big) {
				return new BigDecimal(big);
			}
			if (number instanceof Double || number instanceof Float) {
				return new BigDecimal(number.toString());
			}
			return BigDecimal.valueOf(number.longValue());
		}

		List<String> strings(@Nullable JsonNode node, String location, String field) {
			List<String> strings = new ArrayList<>();
			int i = 0;
			for (JsonNode element : array(node, location, field)) {
				if (element.isString()) {
					strings.add(element.stringValue());
				}
				else {
					problem(location, field + "[" + i + "]", "must be a string (was "
							+ element.getNodeType().name().toLowerCase() + ")");
				}
				i++;
			}
			return strings;
		}

		Iterable<JsonNode> array(@Nullable JsonNode node, String location, String field) {
			if (node == null || node.isNull()) {
				return List.of();
			}
			if (!node.isArray()) {
				problem(location, field, "must be an array (was " + node.getNodeType().name().toLowerCase() + ")");
				return List.of();
			}
			return node.values();
		}

		Map<String, @Nullable Object> extra(JsonNode node, Set<String> known) {
			Map<String, @Nullable Object> extra = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				if (!known.contains(entry.getKey())) {
					extra.put(entry.getKey(), plain(entry.getValue()));
				}
			}
			return extra;
		}

	}

}
