package dev.flags.spring.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts of the store. Each write is one script, so its version check, the write, the
 * audit record, the revision bump and the change event happen together or not at all.
 */
final class RedisScripts {

	/** Reads marker, revision, flags and segments at one point in time. */
	static final RedisScript<List<Object>> READ = script(load("read.lua"));

	/** Saves one flag. */
	static final RedisScript<List<Object>> SAVE = script(load("store.lua") + load("save.lua"));

	/** Deletes one flag. */
	static final RedisScript<List<Object>> DELETE = script(load("store.lua") + load("delete.lua"));

	/** Fills an empty store. */
	static final RedisScript<List<Object>> SEED = script(load("store.lua") + load("seed.lua"));

	private RedisScripts() {
	}

	@SuppressWarnings("unchecked")
	private static RedisScript<List<Object>> script(String text) {
		return new DefaultRedisScript<>(text, (Class<List<Object>>) (Class<?>) List.class);
	}

	private static String load(String name) {
		try (InputStream in = RedisScripts.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing script resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read script resource " + name, ex);
		}
	}

}
