package dev.flags.core.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.flags.core.model.Flag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagTable}.
 */
class FlagTableTests {

	@Test
	void findsEveryFlagByAnEqualKeyAndNothingElse() {
		for (int size : new int[] { 0, 1, 2, 3, 10, 1000, 20_000 }) {
			Map<String, CompiledFlag> flags = new HashMap<>();
			for (int i = 0; i < size; i++) {
				String key = "flag-" + i;
				flags.put(key, compiled());
			}
			FlagTable table = new FlagTable(flags);
			assertThat(table.size()).isEqualTo(size);
			for (int i = 0; i < size; i++) {
				String key = new StringBuilder("flag-").append(i).toString();
				assertThat(table.get(key)).as("size %d, %s", size, key).isSameAs(flags.get(key));
				assertThat(table.get(key.intern())).isSameAs(flags.get(key));
			}
			for (int i = size; i < size + 1000; i++) {
				assertThat(table.get("flag-" + i)).isNull();
			}
		}
	}

	@Test
	void keysSharingOneHashAreAllFound() {
		// "Aa" and "BB" hash alike, so these eight keys share one hash: more than two slots can hold
		List<String> keys = List.of("AaAaAa", "AaAaBB", "AaBBAa", "AaBBBB", "BBAaAa", "BBAaBB", "BBBBAa", "BBBBBB");
		Map<String, CompiledFlag> flags = new HashMap<>();
		for (String key : keys) {
			assertThat(key.hashCode()).isEqualTo(keys.get(0).hashCode());
			flags.put(key, compiled());
		}
		flags.put("other", compiled());
		FlagTable table = new FlagTable(flags);
		for (String key : flags.keySet()) {
			assertThat(table.get(new String(key))).isSameAs(flags.get(key));
		}
		assertThat(table.get("AaAaAaAa")).isNull();
		assertThat(table.get("missing")).isNull();
	}

	private static CompiledFlag compiled() {
		return new CompiledFlag(Flag.builder("f").build(), Map.of());
	}

}
