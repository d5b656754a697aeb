package dev.flags.test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.flags.core.model.DefinitionsValidator;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Provides the runs of a {@link FlagStatesTest}: one invocation per combination of states, named
 * after its states, that forces them before the test.
 */
final class FlagStatesExtension implements TestTemplateInvocationContextProvider {

	static final String REPORT_KEY = "flag-states";

	@Override
	public boolean supportsTestTemplate(ExtensionContext context) {
		return context.getTestMethod()
			.map((method) -> AnnotationSupport.isAnnotated(method, FlagStatesTest.class))
			.orElse(false);
	}

	@Override
	public Stream<? extends TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
			ExtensionContext context) {
		Method method = context.getRequiredTestMethod();
		FlagStatesTest annotation = AnnotationSupport.findAnnotation(method, FlagStatesTest.class).orElseThrow();
		rejectOtherTemplates(method);
		Map<String, List<FlagState>> flags = flags(annotation, method);
		List<FlagStates> runs = switch (annotation.coverage()) {
			case ALL_COMBINATIONS -> StateCombinations.all(flags);
			case ALL_PAIRS -> StateCombinations.allPairs(flags);
		};
		context.publishReportEntry(REPORT_KEY, summary(annotation.coverage(), flags, runs.size()));
		return IntStream.range(0, runs.size())
			.mapToObj((i) -> new Run(runs.get(i), displayName(annotation.name(), i + 1, runs.size(), runs.get(i))));
	}

	private static Map<String, List<FlagState>> flags(FlagStatesTest annotation, Method method) {
		Map<String, List<FlagState>> flags = new LinkedHashMap<>();
		for (String key : annotation.value()) {
			put(flags, key, List.of(FlagState.on(), FlagState.off()), method);
		}
		for (FlagVariants variants : annotation.variants()) {
			if (variants.value().length == 0) {
				throw invalid(method, "names no variants of flag '" + variants.flag() + "'");
			}
			Set<FlagState> states = new LinkedHashSet<>();
			for (String variant : variants.value()) {
				if (variant.isBlank() || !states.add(FlagState.variant(variant))) {
					throw invalid(method, "names variant '" + variant + "' of flag '" + variants.flag()
							+ "' twice or blank");
				}
			}
			if (variants.off()) {
				states.add(FlagState.off());
			}
			put(flags, variants.flag(), List.copyOf(states), method);
		}
		if (flags.isEmpty()) {
			throw invalid(method, "names no flags");
		}
		return flags;
	}

	private static void put(Map<String, List<FlagState>> flags, String key, List<FlagState> states, Method method) {
		if (!DefinitionsValidator.FLAG_KEY.matcher(key).matches()) {
			throw invalid(method, "names '" + key + "', which is not a valid flag key");
		}
		if (flags.put(key, states) != null) {
			throw invalid(method, "names flag '" + key + "' twice");
		}
	}

	private static void rejectOtherTemplates(Method method) {
		for (Annotation annotation : method.getDeclaredAnnotations()) {
			Class<? extends Annotation> type = annotation.annotationType();
			if (type != TestTemplate.class && type != FlagStatesTest.class
					&& !AnnotationSupport.isAnnotated(type, FlagStatesTest.class)
					&& AnnotationSupport.isAnnotated(type, TestTemplate.class)) {
				throw invalid(method, "cannot be combined with @" + type.getSimpleName() + " on one method: JUnit "
						+ "would run each template's invocations separately. Put the arguments on the class "
						+ "(@ParameterizedClass) and keep @FlagStatesTest on the method");
			}
		}
	}

	private static ExtensionConfigurationException invalid(Method method, String problem) {
		return new ExtensionConfigurationException("@FlagStatesTest on " + method.getDeclaringClass().getName() + "."
				+ method.getName() + "() " + problem);
	}

	static String summary(FlagStatesTest.Coverage coverage, Map<String, List<FlagState>> flags, int runs) {
		BigInteger combinations = flags.values()
			.stream()
			.map((states) -> BigInteger.valueOf(states.size()))
			.reduce(BigInteger.ONE, BigInteger::multiply);
		String flagCount = flags.size() + ((flags.size() == 1) ? " flag" : " flags");
		String runCount = runs + ((runs == 1) ? " run" : " runs");
		if (coverage == FlagStatesTest.Coverage.ALL_PAIRS && flags.size() > 1) {
			return runCount + " cover all pairs of states of " + flagCount + " (all combinations: " + combinations
					+ ")";
		}
		return runCount + " cover all combinations of states of " + flagCount;
	}

	static String displayName(String pattern, int index, int count, FlagStates states) {
		return pattern.replace("{index}", String.valueOf(index))
			.replace("{count}", String.valueOf(count))
			.replace("{states}", states.toString());
	}

	/**
	 * One run: named after its states, which it forces before the test.
	 */
	private record Run(FlagStates states, String displayName) implements TestTemplateInvocationContext {

		@Override
		public String getDisplayName(int invocationIndex) {
			return this.displayName;
		}

		@Override
		public List<Extension> getAdditionalExtensions() {
			return List.of(new RunStates(this.states));
		}

	}

	/**
	 * Forces a run's states. Registered for the run only, so it comes after the extensions of the
	 * method and its class, and its states win over their {@link WithFlag} declarations.
	 */
	private record RunStates(FlagStates states) implements BeforeEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			FlagsExtension.scope(context).run(this.states.states());
		}

	}

}
