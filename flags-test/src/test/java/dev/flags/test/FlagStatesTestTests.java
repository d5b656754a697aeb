package dev.flags.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flags.test.FlagStatesTest.Coverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagStatesTest} in tests without Spring.
 */
class FlagStatesTestTests {

	private static final List<String> seen = new CopyOnWriteArrayList<>();

	@BeforeEach
	void clear() {
		seen.clear();
	}

	@Test
	void runsOnceOnAndOnceOff() {
		EngineExecutionResults results = Runs.run(OneFlag.class);
		results.testEvents().assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(Runs.displayNames(results)).containsExactly("[1] new-checkout=on", "[2] new-checkout=off");
		assertThat(seen).containsExactly("new-checkout=on -> true", "new-checkout=off -> false");
		assertThat(Runs.reportEntries(results, FlagStatesExtension.REPORT_KEY))
			.containsExactly("2 runs cover all combinations of states of 1 flag");
	}

	@Test
	void runsEveryCombinationOfTwoFlags() {
		EngineExecutionResults results = Runs.run(TwoFlags.class);
		results.testEvents().assertStatistics((stats) -> stats.started(4).succeeded(4));
		assertThat(Runs.displayNames(results)).containsExactly("[1] new-checkout=on, new-search=on",
				"[2] new-checkout=on, new-search=off", "[3] new-checkout=off, new-search=on",
				"[4] new-checkout=off, new-search=off");
	}

	@Test
	void runsOncePerVariantAndOptionallyOff() {
		EngineExecutionResults results = Runs.run(Variants.class);
		results.testEvents().assertStatistics((stats) -> stats.started(6).succeeded(6));
		assertThat(Runs.displayNames(results)).containsExactly("1 of 6: new-checkout=on, pricing=control",
				"2 of 6: new-checkout=on, pricing=treatment", "3 of 6: new-checkout=on, pricing=off",
				"4 of 6: new-checkout=off, pricing=control", "5 of 6: new-checkout=off, pricing=treatment",
				"6 of 6: new-checkout=off, pricing=off");
		assertThat(seen).contains("pricing=treatment -> treatment", "pricing=off -> none");
	}

	@Test
	void allPairsCoversEveryPairInFewerRunsAndReportsTheCount() {
		EngineExecutionResults results = Runs.run(ManyFlags.class);
		List<String> names = Runs.displayNames(results);
		results.testEvents().assertStatistics((stats) -> stats.started(names.size()).succeeded(names.size()));
		assertThat(names).hasSizeLessThan(64);
		assertThat(Runs.reportEntries(results, FlagStatesExtension.REPORT_KEY)).containsExactly(
				names.size() + " runs cover all pairs of states of 6 flags (all combinations: 64)");
		Set<String> pairs = new HashSet<>();
		for (String run : seen) {
			String[] states = run.split(", ");
			for (int i = 0; i < states.length; i++) {
				for (int j = i + 1; j < states.length; j++) {
					pairs.add(states[i] + " & " + states[j]);
				}
			}
		}
		assertThat(pairs).hasSize(15 * 4);
	}

	@Test
	void runStateWinsOverWithFlagOfTheClass() {
		EngineExecutionResults results = Runs.run(StatesOverClassDeclaration.class);
		results.testEvents().assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(seen).containsExactly("new-checkout=on, new-search=on -> true",
				"new-checkout=off, new-search=on -> false");
	}

	@Test
	void composesWithParameterizedClass() {
		EngineExecutionResults results = Runs.run(PerUser.class);
		results.testEvents().assertStatistics((stats) -> stats.started(4).succeeded(4));
		assertThat(seen).containsExactly("alice: new-checkout=on", "alice: new-checkout=off", "bob: new-checkout=on",
				"bob: new-checkout=off");
	}

	@Test
	void refusesToShareAMethodWithParameterizedTest() {
		EngineExecutionResults results = Runs.run(WithParameterizedTest.class);
		assertThat(Runs.failureMessages(results)).anySatisfy((message) -> assertThat(message).contains(
				"cannot be combined with @ParameterizedTest on one method", "@ParameterizedClass"));
	}

	@Test
	void refusesAnnotationsThatNameNoFlagOrAnInvalidKey() {
		EngineExecutionResults results = Runs.run(Misconfigured.class);
		assertThat(Runs.failureMessages(results)).anySatisfy(
				(message) -> assertThat(message).endsWith("Misconfigured.noFlags() names no flags"));
		assertThat(Runs.failureMessages(results)).anySatisfy((message) -> assertThat(message)
			.endsWith("Misconfigured.badKey() names 'New Checkout', which is not a valid flag key"));
		assertThat(Runs.failureMessages(results)).anySatisfy(
				(message) -> assertThat(message).endsWith("Misconfigured.twice() names flag 'new-checkout' twice"));
	}

	@FlagStatesTest("new-checkout")
	void displayNameSaysTheStates(FlagStates states, TestInfo info) {
		assertThat(info.getDisplayName()).endsWith("] " + states);
	}

	@TestKitExample
	static class OneFlag {

		private final TestFlags flags = TestFlags.builder().off("new-checkout").build();

		@FlagStatesTest("new-checkout")
		void checkout(FlagStates states) {
			seen.add(states + " -> " + this.flags.isEnabled("new-checkout"));
			assertThat(this.flags.isEnabled("new-checkout")).isEqualTo(states.isEnabled("new-checkout"));
		}

	}

	@TestKitExample
	static class TwoFlags {

		@FlagStatesTest({ "new-checkout", "new-search" })
		void checkout(FlagStates states, TestFlags flags) {
			assertThat(flags.isEnabled("new-checkout")).isEqualTo(states.isEnabled("new-checkout"));
			assertThat(flags.isEnabled("new-search")).isEqualTo(states.isEnabled("new-search"));
		}

	}

	@TestKitExample
	static class Variants {

		private final TestFlags flags = TestFlags.builder().experiment("pricing", "control", "treatment").build();

		@FlagStatesTest(value = "new-checkout",
				variants = @FlagVariants(flag = "pricing", value = { "control", "treatment" }, off = true),
				name = "{index} of {count}: {states}")
		void pricing(FlagStates states) {
			String variant = this.flags.variant("pricing", "none");
			seen.add("pricing=" + states.get("pricing") + " -> " + variant);
			assertThat(variant).isEqualTo((states.variant("pricing") != null) ? states.variant("pricing") : "none");
		}

	}

	@TestKitExample
	static class ManyFlags {

		@FlagStatesTest(value = { "f1", "f2", "f3", "f4", "f5", "f6" }, coverage = Coverage.ALL_PAIRS)
		void pairs(FlagStates states, TestFlags flags) {
			List<String> run = new ArrayList<>();
			states.states().forEach((key, state) -> {
				assertThat(flags.isEnabled(key)).isEqualTo(state.enabled());
				run.add(key + "=" + state);
			});
			seen.add(String.join(", ", run));
		}

	}

	@TestKitExample
	@WithFlag(value = "new-checkout", enabled = false)
	@WithFlag("new-search")
	static class StatesOverClassDeclaration {

		private final TestFlags flags = TestFlags.empty();

		@FlagStatesTest("new-checkout")
		void checkout(FlagStates states) {
			seen.add(states + " -> " + this.flags.isEnabled("new-checkout"));
		}

	}

	@TestKitExample
	@ParameterizedClass
	@ValueSource(strings = { "alice", "bob" })
	static class PerUser {

		@Parameter
		String user;

		private final TestFlags flags = TestFlags.empty();

		@FlagStatesTest("new-checkout")
		void checkout(FlagStates states) {
			assertThat(this.flags.isEnabled("new-checkout")).isEqualTo(states.isEnabled("new-checkout"));
			seen.add(this.user + ": " + states);
		}

	}

	@TestKitExample
	static class WithParameterizedTest {

		@ParameterizedTest
		@ValueSource(strings = { "alice", "bob" })
		@FlagStatesTest("new-checkout")
		void checkout(String user) {
		}

	}

	@TestKitExample
	static class Misconfigured {

		@FlagStatesTest
		void noFlags() {
		}

		@FlagStatesTest("New Checkout")
		void badKey() {
		}

		@FlagStatesTest({ "new-checkout", "new-checkout" })
		void twice() {
		}

	}

}
