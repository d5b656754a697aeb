package dev.flags.spring.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.flags.core.json.PlainJson;
import dev.flags.core.store.FileFlagStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of change made through the admin API of an application on the file store is
 * recorded in the audit file next to the definitions, one JSON line per change.
 */
class FileStoreAuditTests {

	@TempDir
	Path directory;

	@Test
	void everyKindOfChangeIsALineOfTheAuditFile() throws Exception {
		Path definitions = this.directory.resolve("flags.json");
		AuditJourney.run(FileFlagStore.class, () -> new FileFlagStore(definitions));
		List<String> lines = Files.readAllLines(this.directory.resolve("flags.json.audit.jsonl"));
		assertThat(lines).extracting((line) -> (Object) ((Map<?, ?>) PlainJson.read(line)).get("type"))
			.containsExactly("CREATED", "UPDATED", "DISABLED", "ENABLED", "ROLLOUT_CHANGED", "DELETED");
		assertThat(lines).extracting((line) -> (Object) ((Map<?, ?>) PlainJson.read(line)).get("reason"))
			.containsExactly("launch", "describe", "incident 7", "fixed", "ramp", "released");
		assertThat(lines).allSatisfy((line) -> assertThat(line).contains("\"actor\":\"alice\""));
	}

}
