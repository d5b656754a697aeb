package dev.flags.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link FlagContext#plainAttribute} finds what {@link FlagContext#attributes()} holds.
 */
class FlagContextLookupTests {

	@Test
	void findsEveryAttributeOfManyByAnEqualName() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (int i = 0; i < 100; i++) {
			attributes.put("attribute-" + i, "value-" + i);
		}
		FlagContext context = FlagContext.of("user-1", attributes);
		for (int i = 0; i < 100; i++) {
			String name = new StringBuilder("attribute-").append(i).toString();
			assertThat(context.plainAttribute(name)).isEqualTo("value-" + i);
		}
		assertThat(context.plainAttribute("attribute-100")).isNull();
		assertThat(context.plainAttribute("")).isNull();
	}

	@Test
	void findsAttributesByTheSameInstance() {
		FlagContext context = FlagContext.builder("user-1")
			.attribute("plan", "pro")
			.attribute("groups", List.of("beta"))
			.attribute("age", 31)
			.build();
		assertThat(context.plainAttribute("plan")).isEqualTo("pro");
		assertThat(context.plainAttribute("groups")).isEqualTo(List.of("beta"));
		assertThat(context.plainAttribute("age")).isEqualTo(31);
		assertThat(context.plainAttribute("country")).isNull();
	}

	@Test
	void lookupWithTheNameHashFindsWhatTheNameFinds() {
		FlagContext context = FlagContext.builder("user-1").attribute("plan", "pro").attribute("age", 31).build();
		for (String name : List.of("plan", "age", "country", "")) {
			String copy = new String(name);
			assertThat(context.plainAttribute(copy, copy.hashCode())).isEqualTo(context.plainAttribute(name));
		}
	}

	@Test
	void namesSharingAHashAreBothFound() {
		// "Aa" and "BB" have the same hash: the context probes rather than reading one slot
		FlagContext context = FlagContext.builder("user-1").attribute("Aa", 1).attribute("BB", 2).build();
		assertThat(context.plainAttribute(new String("Aa"))).isEqualTo(1);
		assertThat(context.plainAttribute(new String("BB"))).isEqualTo(2);
		assertThat(context.plainAttribute("C#")).isNull();
	}

	@Test
	void keyHashIsTheHashOfTheKey() {
		assertThat(FlagContext.of("user-42").keyHash()).isEqualTo("user-42".hashCode());
		assertThat(FlagContext.builder(null).attribute("plan", "pro").build().keyHash()).isZero();
		assertThat(FlagContext.builder("a").build().toBuilder().key("user-7").build().keyHash())
			.isEqualTo("user-7".hashCode());
	}

	@Test
	void contextWithoutAttributesFindsNothing() {
		assertThat(FlagContext.of("user-1").plainAttribute("plan")).isNull();
		assertThat(FlagContext.anonymous().plainAttribute("plan")).isNull();
	}

	@Test
	void removedAndEmptyAttributesAreMissing() {
		FlagContext context = FlagContext.builder("user-1")
			.attribute("plan", "pro")
			.attribute("plan", null)
			.attribute("groups", List.of())
			.attribute("country", "DE")
			.build();
		assertThat(context.plainAttribute("plan")).isNull();
		assertThat(context.plainAttribute("groups")).isNull();
		assertThat(context.plainAttribute("country")).isEqualTo("DE");
	}

}
