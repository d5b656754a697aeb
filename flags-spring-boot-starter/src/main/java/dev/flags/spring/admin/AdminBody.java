package dev.flags.spring.admin;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.DefinitionProblem;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.spring.governance.FieldProblem;
import dev.flags.spring.governance.FlagWriteRefusedException;
import dev.flags.spring.governance.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The JSON body of an admin write, read with a size limit and checked field by field: every field
 * that is wrong is named, with why, before anything else happens.
 */
final class AdminBody {

	static final String FLAG = "flag";

	static final String ROLLOUT = "rollout";

	static final String EXPECTED_VERSION = "expectedVersion";

	static final String REASON = "reason";

	static final String CONFIRM = "confirm";

	static final String BODY = "(body)";

	private static final Pattern ENTITY_TAG = Pattern.compile("\"?([0-9]{1,18})\"?");

	private final JsonNode node;

	private final @Nullable String ifMatch;

	private final List<FieldProblem> problems = new ArrayList<>();

	private AdminBody(JsonNode node, @Nullable String ifMatch) {
		this.node = node;
		this.ifMatch = ifMatch;
	}

	/**
	 * Reads the body of a request.
	 * @param request the request
	 * @param maxSize the largest body read, in bytes
	 * @param required whether an empty body is refused
	 * @param fields the fields the body may have
	 * @return the body, whose fields are then read one by one
	 * @throws FlagWriteRefusedException when the body is too large, not JSON, not an object, or
	 * has a field it may not have
	 */
	static AdminBody read(HttpServletRequest request, long maxSize, boolean required, Set<String> fields)
			throws IOException {
		if (request.getContentLengthLong() > maxSize) {
			throw tooLarge(maxSize);
		}
		byte[] bytes = readAtMost(request.getInputStream(), maxSize);
		String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
		if (bytes.length == 0) {
			if (required) {
				throw FlagWriteRefusedException.invalid(BODY,
						"is required: a JSON object with the fields " + fields.stream().sorted().toList());
			}
			return new AdminBody(DefinitionsCodec.parse("{}"), ifMatch);
		}
		checkMediaType(request.getContentType());
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw FlagWriteRefusedException.invalid(BODY, "is not valid UTF-8");
		}
		JsonNode node;
		try {
			node = DefinitionsCodec.parse(text);
		}
		catch (InvalidDefinitionsException ex) {
			throw FlagWriteRefusedException.invalid(BODY, ex.problems().get(0).reason());
		}
		if (!node.isObject()) {
			throw FlagWriteRefusedException.invalid(BODY, "must be a JSON object with the fields "
					+ fields.stream().sorted().toList() + " (was " + kind(node) + ")");
		}
		AdminBody body = new AdminBody(node, ifMatch);
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			if (!fields.contains(property.getKey())) {
				body.problems.add(new FieldProblem(property.getKey(), "is not a field of this request; its fields are "
						+ fields.stream().sorted().toList()));
			}
		}
		return body;
	}

	/**
	 * The flag definition in {@code flag}, read and validated by the codec.
	 * @return the flag, or null when it is missing or invalid (the problems say why)
	 */
	@Nullable Flag flag() {
		JsonNode value = this.node.get(FLAG);
		if (value == null || value.isNull()) {
			this.problems.add(new FieldProblem(FLAG, "is required: the flag's definition in the JSON format of the "
					+ "evaluation spec"));
			return null;
		}
		if (!value.isObject()) {
			this.problems.add(new FieldProblem(FLAG, "must be a JSON object (was " + kind(value) + ")"));
			return null;
		}
		try {
			return DefinitionsCodec.readFlag(value.toString());
		}
		catch (InvalidDefinitionsException ex) {
			for (DefinitionProblem problem : ex.problems()) {
				this.problems.add(new FieldProblem(FLAG + "." + problem.field(), problem.reason()));
			}
			return null;
		}
	}

	/**
	 * The number in {@code rollout}.
	 * @return the rollout, or null when it is missing or not a number
	 */
	@Nullable BigDecimal rollout() {
		JsonNode value = this.node.get(ROLLOUT);
		if (value == null || value.isNull()) {
			this.problems.add(new FieldProblem(ROLLOUT, "is required: the percentage, 0 to 100"));
			return null;
		}
		if (!value.isNumber()) {
			this.problems.add(new FieldProblem(ROLLOUT, "must be a number from 0 to 100 (was " + kind(value) + ")"));
			return null;
		}
		return value.decimalValue();
	}

	/**
	 * The version the write is based on: {@code expectedVersion}, or the {@code If-Match} header.
	 * @return the version, or null when neither is given (or one is malformed)
	 */
	@Nullable Long expectedVersion() {
		JsonNode value = this.node.get(EXPECTED_VERSION);
		Long version = null;
		if (value != null && !value.isNull()) {
			if (!value.isIntegralNumber() || !value.canConvertToLong()) {
				this.problems.add(new FieldProblem(EXPECTED_VERSION,
						"must be a whole number: the version you read, or 0 to create (was " + kind(value) + ")"));
				return null;
			}
			version = value.longValue();
		}
		if (this.ifMatch != null) {
			Matcher matcher = ENTITY_TAG.matcher(this.ifMatch.trim());
			if (!matcher.matches()) {
				this.problems.add(new FieldProblem(HttpHeaders.IF_MATCH,
						"must be the flag's version as its ETag, such as \"3\""));
				return null;
			}
			long tagged = Long.parseLong(matcher.group(1));
			if (version != null && version != tagged) {
				this.problems.add(new FieldProblem(HttpHeaders.IF_MATCH,
						"says version " + tagged + " but expectedVersion says " + version));
				return null;
			}
			version = tagged;
		}
		return version;
	}

	/**
	 * The text in {@code reason}.
	 * @return the reason, or null when none is given
	 */
	@Nullable String reason() {
		JsonNode value = this.node.get(REASON);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			this.problems.add(new FieldProblem(REASON, "must be a string (was " + kind(value) + ")"));
			return null;
		}
		return value.stringValue();
	}

	/**
	 * Whether {@code confirm} is true.
	 * @return the confirmation; false when absent
	 */
	boolean confirm() {
		JsonNode value = this.node.get(CONFIRM);
		if (value == null || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			this.problems.add(new FieldProblem(CONFIRM, "must be true or false (was " + kind(value) + ")"));
			return false;
		}
		return value.booleanValue();
	}

	/**
	 * Refuses the request when any field read so far is wrong.
	 * @throws FlagWriteRefusedException naming every such field
	 */
	void check() {
		if (!this.problems.isEmpty()) {
			throw FlagWriteRefusedException.invalid(this.problems);
		}
	}

	private static void checkMediaType(@Nullable String contentType) {
		try {
			if (contentType != null) {
				MediaType type = MediaType.parseMediaType(contentType);
				if (MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardType()
						|| type.getSubtype().endsWith("+json")) {
					return;
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			// Answered as any other type that is not JSON.
		}
		throw new FlagWriteRefusedException(Refusal.UNSUPPORTED_MEDIA_TYPE,
				"The request body must be JSON, sent with Content-Type: application/json (was "
						+ ((contentType != null) ? contentType : "no Content-Type") + ")",
				List.of(new FieldProblem(HttpHeaders.CONTENT_TYPE, "must be application/json")), Map.of());
	}

	private static byte[] readAtMost(InputStream in, long maxSize) throws IOException {
		byte[] bytes = in.readNBytes((int) Math.min(maxSize + 1, Integer.MAX_VALUE - 8));
		if (bytes.length > maxSize) {
			throw tooLarge(maxSize);
		}
		return bytes;
	}

	private static FlagWriteRefusedException tooLarge(long maxSize) {
		return new FlagWriteRefusedException(Refusal.TOO_LARGE, "The request body is larger than " + maxSize
				+ " bytes (flags.admin.max-payload-size); nothing was read or changed",
				List.of(new FieldProblem(BODY, "must be at most " + maxSize + " bytes")), Map.of());
	}

	private static String kind(JsonNode node) {
		return switch (node.getNodeType()) {
			case STRING -> "the string " + abbreviate(node.toString());
			case NUMBER -> "the number " + abbreviate(node.toString());
			case BOOLEAN -> String.valueOf(node.booleanValue());
			case ARRAY -> "an array";
			case OBJECT -> "an object";
			default -> node.getNodeType().name().toLowerCase();
		};
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
