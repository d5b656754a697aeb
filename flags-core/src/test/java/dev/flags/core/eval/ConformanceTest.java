package dev.flags.core.eval;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Reason;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every evaluation and hash vector file of the spec (§6): the ones shipped in the test
 * resources under {@code vectors/}, and every {@code *.json} file in the directory named by the
 * system property {@code flags.conformance.dir} when it is set.
 */
class ConformanceTest {

	@Test
	void everyVectorPasses() throws Exception {
		List<Path> files = new ArrayList<>(vectorFiles(bundledDirectory()));
		String extra = System.getProperty("flags.conformance.dir");
		if (extra != null && !extra.isBlank()) {
			Path dir = Path.of(extra);
			assertThat(dir).as("flags.conformance.dir").isDirectory();
			files.addAll(vectorFiles(dir));
		}
		List<String> failures = new ArrayList<>();
		int passed = 0;
		int hashVectors = 0;
		for (Path file : files) {
			JsonNode root = DefinitionsCodec.parse(Files.readString(file, StandardCharsets.UTF_8));
			if (root.isArray()) {
				for (JsonNode vector : root.values()) {
					String input = vector.get("input").stringValue();
					long hash = vector.get("hash").longValue();
					int bucket = vector.get("bucket").intValue();
					long actualHash = Murmur3.hash(input);
					int actualBucket = Murmur3.bucket(input);
					int streamed = Integer.remainderUnsigned(Murmur3.prefix("").hash32(input, ""), Murmur3.BUCKETS);
					if (actualHash != hash || actualBucket != bucket || streamed != bucket) {
						failures.add(file.getFileName() + ": hash of '" + input + "': expected " + hash + "/" + bucket
								+ " but was " + actualHash + "/" + actualBucket + " (streamed bucket " + streamed + ")");
					}
					else {
						passed++;
						hashVectors++;
					}
				}
				continue;
			}
			String name = root.has("name") ? root.get("name").stringValue() : file.getFileName().toString();
			FlagSnapshot snapshot = FlagSnapshot.of(DefinitionsCodec.read(root.get("definitions")));
			int index = 0;
			for (JsonNode testCase : root.get("cases").values()) {
				FlagContext context = DefinitionsCodec.readContext(testCase.get("context"));
				String flag = testCase.get("flag").stringValue();
				JsonNode expect = testCase.get("expect");
				Evaluation expected = new Evaluation(expect.get("enabled").booleanValue(),
						expect.get("variant").isNull() ? null : expect.get("variant").stringValue(),
						Reason.valueOf(expect.get("reason").stringValue()),
						expect.get("rule").isNull() ? null : expect.get("rule").intValue());
				Evaluation actual = snapshot.evaluate(flag, context);
				boolean booleanPath = snapshot.isEnabled(flag, context);
				String variantPath = snapshot.variant(flag, context, "(default)");
				String expectedVariant = (expected.variant() != null) ? expected.variant() : "(default)";
				if (!Objects.equals(expected, actual) || booleanPath != expected.enabled()
						|| !expectedVariant.equals(variantPath)) {
					failures.add(file.getFileName() + " [" + name + "] case " + index + " (flag '" + flag + "', context "
							+ testCase.get("context") + "): expected " + expected + " but was " + actual
							+ " (isEnabled " + booleanPath + ", variant " + variantPath + ")");
				}
				else {
					passed++;
				}
				index++;
			}
		}
		assertThat(failures).as("conformance failures").isEmpty();
		System.out.println("conformance: " + passed + " cases passed");
		assertThat(passed).isGreaterThan(hashVectors);
	}

	private static Path bundledDirectory() throws URISyntaxException {
		URL url = ConformanceTest.class.getClassLoader().getResource("vectors");
		assertThat(url).as("bundled vectors directory").isNotNull();
		return Path.of(url.toURI());
	}

	private static List<Path> vectorFiles(Path dir) throws IOException {
		try (Stream<Path> paths = Files.list(dir)) {
			return paths.filter((path) -> path.getFileName().toString().endsWith(".json")).sorted().toList();
		}
	}

}
