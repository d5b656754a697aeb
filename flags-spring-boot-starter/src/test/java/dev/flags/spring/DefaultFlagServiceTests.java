package dev.flags.spring;

import java.util.ArrayList;
import java.util.List;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Condition;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Reason;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultFlagService}.
 */
class DefaultFlagServiceTests {

	private static final FlagSnapshot SNAPSHOT = FlagSnapshot.of(Definitions.of(List.of(
			Flag.builder("checkout").rollout(100).build(),
			Flag.builder("staff-only").include("user-7").build(),
			Flag.builder("search")
				.rollout(100)
				.variants(Variant.of("exact", 50), Variant.of("fuzzy", 50))
				.build()), List.of()));

	@Test
	void callsWithoutAContextUseTheProvidersContext() {
		FlagService flags = new DefaultFlagService(() -> SNAPSHOT, () -> FlagContext.of("user-7"));
		assertThat(flags.isEnabled("staff-only")).isTrue();
		assertThat(flags.evaluate("staff-only").reason()).isEqualTo(Reason.INCLUDED);
		assertThat(flags.isEnabled("staff-only", FlagContext.of("user-8"))).isFalse();
		assertThat(flags.currentContext().key()).isEqualTo("user-7");
		assertThat(flags.snapshot()).isSameAs(SNAPSHOT);
	}

	@Test
	void variantsFollowTheSnapshotAndFallBackToTheDefault() {
		FlagService flags = new DefaultFlagService(() -> SNAPSHOT, () -> FlagContext.of("user-1"));
		FlagContext user = FlagContext.of("user-1");
		assertThat(flags.variant("search", "none")).isEqualTo(SNAPSHOT.variant("search", user, "none"))
			.isIn("exact", "fuzzy");
		assertThat(flags.variant("checkout", "none")).isEqualTo("none");
		assertThat(flags.variant("missing", user, "none")).isEqualTo("none");
	}

	@Test
	void missingFlagIsOff() {
		FlagService flags = new DefaultFlagService(() -> SNAPSHOT, FlagContext::anonymous);
		assertThat(flags.isEnabled("missing")).isFalse();
		assertThat(flags.evaluate("missing")).isEqualTo(Evaluation.ofDefault(false, null, Reason.FLAG_NOT_FOUND));
	}

	@Test
	void failingContextProviderGivesTheAnonymousContextInsteadOfAnError() {
		FlagService flags = new DefaultFlagService(() -> SNAPSHOT, () -> {
			throw new IllegalStateException("no user");
		});
		assertThat(flags.currentContext()).isEqualTo(FlagContext.anonymous());
		assertThat(flags.isEnabled("checkout")).isTrue();
		assertThat(flags.isEnabled("staff-only")).isFalse();
	}

	@Test
	void ruleDecisionsAreTheSnapshotsForAnExplicitContext() {
		FlagSnapshot snapshot = FlagSnapshot.of(Definitions.of(List.of(Flag.builder("eu")
			.rule(Rule.rollout(100, Condition.of("country", Operator.IN, "DE")))
			.build()), List.of()));
		FlagService flags = new DefaultFlagService(() -> snapshot, FlagContext::anonymous);
		FlagContext german = FlagContext.builder("user-1").attribute("country", "DE").build();
		assertThat(flags.evaluate("eu", german)).isEqualTo(new Evaluation(true, null, Reason.RULE_MATCH, 0));
		assertThat(flags.isEnabled("eu")).isFalse();
	}

	@Test
	void listenersAreToldOfEveryDecisionWhichStaysTheSame() {
		List<String> seen = new ArrayList<>();
		FlagService plain = new DefaultFlagService(() -> SNAPSHOT, () -> FlagContext.of("user-7"));
		FlagService listened = new DefaultFlagService(() -> SNAPSHOT, () -> FlagContext.of("user-7"),
				List.of((key, evaluation) -> seen.add(key + "=" + evaluation.reason())));
		assertThat(listened.isEnabled("staff-only")).isEqualTo(plain.isEnabled("staff-only")).isTrue();
		assertThat(listened.variant("search", "none")).isEqualTo(plain.variant("search", "none"));
		assertThat(listened.variant("missing", "none")).isEqualTo("none");
		assertThat(listened.evaluate("checkout")).isEqualTo(plain.evaluate("checkout"));
		assertThat(seen).containsExactly("staff-only=INCLUDED", "search=ROLLOUT", "missing=FLAG_NOT_FOUND",
				"checkout=ROLLOUT");
	}

	@Test
	void failingListenerDoesNotChangeTheDecisionNorStopTheOthers() {
		List<String> seen = new ArrayList<>();
		FlagEvaluationListener failing = (key, evaluation) -> {
			throw new IllegalStateException("metrics backend gone");
		};
		FlagService flags = new DefaultFlagService(() -> SNAPSHOT, FlagContext::anonymous,
				List.of(failing, (key, evaluation) -> seen.add(key)));
		assertThat(flags.isEnabled("checkout", FlagContext.of("user-1"))).isTrue();
		assertThat(flags.isEnabled("checkout", FlagContext.of("user-2"))).isTrue();
		assertThat(seen).containsExactly("checkout", "checkout");
	}

}
