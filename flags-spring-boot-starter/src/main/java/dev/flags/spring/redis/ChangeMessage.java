package dev.flags.spring.redis;

import dev.flags.core.store.StoreChange;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A change event as published on the store's channel:
 * {@code {"type":"SAVED","key":"new-checkout","revision":42,"source":"..."}}. The type is
 * {@code SAVED} or {@code DELETED} for one flag, {@code SEEDED} or {@code RESTORED} for the whole
 * document; the source names the store object that made the change.
 *
 * @param type the kind of change
 * @param key the flag concerned, or null when the whole document changed
 * @param revision the store's revision after the change
 * @param source the store object that made it, or null when not told
 */
record ChangeMessage(String type, @Nullable String key, long revision, @Nullable String source) {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/**
	 * Reads a message.
	 * @param json the message text
	 * @return the message, or null when it is not one this store publishes
	 */
	static @Nullable ChangeMessage parse(String json) {
		try {
			JsonNode node = MAPPER.readTree(json);
			JsonNode type = node.get("type");
			JsonNode revision = node.get("revision");
			if (type == null || !type.isString() || revision == null || !revision.canConvertToLong()) {
				return null;
			}
			return new ChangeMessage(type.stringValue(), text(node.get("key")), revision.longValue(),
					text(node.get("source")));
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	/**
	 * The change listeners are told of: a flag saved or deleted through another store object on
	 * the same Redis keeps its type (it went through the same governed write path); anything else
	 * is an external change of the whole document.
	 * @return the store change
	 */
	StoreChange toStoreChange() {
		if (this.key != null && this.type.equals("SAVED")) {
			return new StoreChange(StoreChange.Type.SAVED, this.key, this.revision, null);
		}
		if (this.key != null && this.type.equals("DELETED")) {
			return new StoreChange(StoreChange.Type.DELETED, this.key, this.revision, null);
		}
		return new StoreChange(StoreChange.Type.EXTERNAL, null, this.revision, null);
	}

}
