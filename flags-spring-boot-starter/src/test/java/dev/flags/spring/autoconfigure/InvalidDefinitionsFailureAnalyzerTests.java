package dev.flags.spring.autoconfigure;

import java.util.List;

import dev.flags.core.model.DefinitionProblem;
import dev.flags.core.model.InvalidDefinitionsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link InvalidDefinitionsFailureAnalyzer}.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidDefinitionsFailureAnalyzerTests {

	private static final InvalidDefinitionsException INVALID = new InvalidDefinitionsException(
			List.of(new DefinitionProblem("flag 'new-checkout'", "rollout", "must be between 0 and 100 (was 150)"),
					new DefinitionProblem("segment 'staff'", "rules[0].when[0].op", "unknown operator 'like'")));

	@Test
	void listsEveryProblemAndNamesTheConfiguredSource() {
		InvalidDefinitionsSourceException source = new InvalidDefinitionsSourceException("flags.definitions", INVALID);
		FailureAnalysis analysis = new InvalidDefinitionsFailureAnalyzer()
			.analyze(new BeanCreationException("flagStore", "failed", source));
		assertThat(analysis.getDescription()).isEqualTo("""
				Invalid flag definitions in flags.definitions:

				    - flag 'new-checkout': rollout: must be between 0 and 100 (was 150)
				    - segment 'staff': rules[0].when[0].op: unknown operator 'like'""");
		assertThat(analysis.getAction()).isEqualTo("Correct the definitions listed above in flags.definitions.");
		assertThat(analysis.getCause()).isSameAs(INVALID);
	}

	@Test
	void pointsAtTheStoreWhenTheDefinitionsCameFromIt() {
		FailureAnalysis analysis = new InvalidDefinitionsFailureAnalyzer()
			.analyze(new BeanCreationException("flagRegistry", "failed", INVALID));
		assertThat(analysis.getDescription()).startsWith("Invalid flag definitions in the flag store's document:");
		assertThat(analysis.getAction()).contains("store's document");
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(new InvalidDefinitionsFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
	}

	@Test
	void startupFailureIsReportedReadably(CapturedOutput output) {
		SpringApplication application = new SpringApplication(FlagsConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--flags.definitions.flags.new-checkout.rollout=150"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid flag definitions in flags.definitions:")
			.contains("- flag 'new-checkout': rollout: must be between 0 and 100 (was 150)")
			.contains("Correct the definitions listed above in flags.definitions.");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(FlagsAutoConfiguration.class)
	static class FlagsConfiguration {

	}

}
