package dev.flags.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.flags.core.eval.FlagSnapshot;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the engine framework-free: no Spring, no Redis client, no Servlet API and no Jackson 2
 * anywhere in {@code dev.flags.core}, and Jackson 3 only in its JSON codec.
 */
class ArchitectureTests {

	/** The module's main classes, imported from where they were loaded: faster than scanning the classpath. */
	private static final JavaClasses CORE = new ClassFileImporter()
		.importUrl(FlagSnapshot.class.getProtectionDomain().getCodeSource().getLocation());

	@Test
	void allOfTheCoreIsImported() {
		assertThat(CORE.containPackage("dev.flags.core.eval")).isTrue();
		assertThat(CORE.containPackage("dev.flags.core.json")).isTrue();
		assertThat(CORE.containPackage("dev.flags.core.model")).isTrue();
	}

	@Test
	void coreDependsOnNoFrameworkOrClient() {
		noClasses().that()
			.resideInAPackage("dev.flags.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.lettuce..", "jakarta.servlet..",
					"com.fasterxml.jackson.databind..")
			.check(CORE);
	}

	@Test
	void onlyTheJsonCodecUsesJackson() {
		noClasses().that()
			.resideInAPackage("dev.flags.core..")
			.and()
			.resideOutsideOfPackage("dev.flags.core.json..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("tools.jackson..")
			.check(CORE);
	}

}
