package dev.flags.spring.autoconfigure;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the configuration metadata the annotation processor generates from
 * {@link FlagsProperties}, which IDEs use to complete and describe {@code flags.*}.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribedAndDefaultsAreListed() throws Exception {
		JsonNode metadata;
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		assertThat(metadata.get("properties").values()).isNotEmpty().allSatisfy((property) -> assertThat(
				property.path("description").asString()).as(property.get("name").asString()).isNotBlank());
		assertThat(property(metadata, "flags.refresh-interval").get("defaultValue").asString()).isEqualTo("5s");
		assertThat(property(metadata, "flags.store.type").get("defaultValue").asString()).isEqualTo("auto");
		assertThat(property(metadata, "flags.web.anonymous-cookie.name").get("defaultValue").asString())
			.isEqualTo("flags_anonymous_id");
		assertThat(property(metadata, "flags.web.anonymous-cookie.max-age").get("defaultValue").asString())
			.isEqualTo("365d");
		assertThat(property(metadata, "flags.web.key-header").get("description").asString())
			.contains("any client can set a header");
		assertThat(property(metadata, "flags.store.redis.key-prefix").get("defaultValue").asString()).isEqualTo("flags");
		assertThat(property(metadata, "flags.store.redis.seed").get("defaultValue").asBoolean()).isFalse();
		assertThat(property(metadata, "flags.store.redis.restore-on-data-loss").get("defaultValue").asBoolean())
			.isTrue();
		assertThat(property(metadata, "flags.store.redis.audit-max-length").get("defaultValue").asLong()).isZero();
		assertThat(property(metadata, "flags.refresh-interval").get("description").asString())
			.contains("1s with the Redis store");
		assertThat(property(metadata, "flags.definitions.flags")).isNotNull();
		assertThat(property(metadata, "flags.definitions-location")).isNotNull();
		assertThat(property(metadata, "flags.client.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(property(metadata, "flags.client.path").get("defaultValue").asString()).isEqualTo("/flags/client");
		assertThat(property(metadata, "flags.read-only").get("defaultValue").asBoolean()).isFalse();
		assertThat(property(metadata, "flags.write.enabled").get("description").asString()).contains("Spring Security");
		assertThat(property(metadata, "flags.write.rollout-step").get("defaultValue").asInt()).isEqualTo(50);
		assertThat(property(metadata, "flags.security.write-role").get("defaultValue").asString())
			.isEqualTo("FLAGS_WRITE");
		assertThat(property(metadata, "flags.admin.path").get("defaultValue").asString()).isEqualTo("/flags/admin");
		assertThat(property(metadata, "flags.admin.max-payload-size").get("defaultValue").asString()).isEqualTo("64KB");
		assertThat(property(metadata, "flags.lifecycle.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(property(metadata, "flags.lifecycle.stale-after").get("defaultValue").asString()).isEqualTo("30d");
		assertThat(property(metadata, "flags.lifecycle.unused-after").get("defaultValue").asString()).isEqualTo("30d");
		assertThat(property(metadata, "flags.lifecycle.fail-on-undefined-references").get("defaultValue").asBoolean())
			.isFalse();
	}

	private static JsonNode property(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties").values()) {
			if (name.equals(property.get("name").asString())) {
				return property;
			}
		}
		throw new AssertionError("No metadata for " + name);
	}

}
