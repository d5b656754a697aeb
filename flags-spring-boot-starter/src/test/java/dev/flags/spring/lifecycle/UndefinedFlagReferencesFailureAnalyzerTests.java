package dev.flags.spring.lifecycle;

import java.util.List;

import dev.flags.core.lifecycle.FlagReference;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UndefinedFlagReferencesFailureAnalyzer}.
 */
class UndefinedFlagReferencesFailureAnalyzerTests {

	@Test
	void listsEveryUndefinedReferenceAndSaysHowToOnlyWarn() {
		UndefinedFlagReferencesException failure = new UndefinedFlagReferencesException(
				List.of(new FlagReference("chekout", "bean 'shop' (Shop.pay())"),
						new FlagReference("serch", "bean 'search' (Search.find(String))")));
		FailureAnalysis analysis = new UndefinedFlagReferencesFailureAnalyzer()
			.analyze(new BeanCreationException("wrapped", failure));
		assertThat(analysis.getDescription()).contains("references flags that are not defined")
			.contains("- 'chekout' in bean 'shop' (Shop.pay())")
			.contains("- 'serch' in bean 'search' (Search.find(String))");
		assertThat(analysis.getAction()).contains("Define the flags, or correct the keys")
			.contains("flags.lifecycle.fail-on-undefined-references=false");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

}
