package dev.flags.core.eval;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flags.core.model.Condition;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Segment;
import dev.flags.core.model.SegmentRule;
import dev.flags.core.model.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that deciding whether a flag is on allocates nothing, for every operator and every kind of
 * unit, counted by the JVM's per-thread allocation counter over many calls. It holds in the
 * interpreter as well as in compiled code: nothing relies on the JIT removing an allocation.
 */
class AllocationFreeEvaluationTests {

	@Test
	void everyOperatorEveryUnitAndEveryStepAllocatesNothing() {
		List<Flag> flags = new ArrayList<>();
		flags.add(rule("in-string", Condition.of("plan", Operator.IN, "pro", "enterprise")));
		flags.add(rule("in-list", Condition.of("groups", Operator.IN, "beta", "staff")));
		flags.add(rule("in-number", Condition.of("age", Operator.IN, 30, 31)));
		flags.add(rule("in-number-as-string", Condition.of("age", Operator.IN, "31", "x")));
		flags.add(rule("not-in", Condition.of("country", Operator.NOT_IN, "US")));
		flags.add(rule("contains", Condition.of("email", Operator.CONTAINS, "@example")));
		flags.add(rule("starts-with", Condition.of("email", Operator.STARTS_WITH, "someone")));
		flags.add(rule("ends-with", Condition.of("email", Operator.ENDS_WITH, ".com")));
		flags.add(rule("gt", Condition.of("age", Operator.GT, 18)));
		flags.add(rule("lte", Condition.of("score", Operator.LTE, 9.5)));
		flags.add(rule("gte-numeric-string", Condition.of("limit", Operator.GTE, 250)));
		flags.add(rule("before-string", Condition.of("signupDate", Operator.BEFORE, "2026-01-01")));
		flags.add(rule("after-date-time", Condition.of("lastSeen", Operator.AFTER, "2025-01-01T00:00:00Z")));
		flags.add(rule("after-millis", Condition.of("createdAt", Operator.AFTER, "2020-01-01")));
		flags.add(rule("semver-gt", Condition.of("appVersion", Operator.SEMVER_GT, "2.0.0")));
		flags.add(rule("semver-eq", Condition.of("appVersion", Operator.SEMVER_EQ, "2.3.1-beta.2")));
		flags.add(rule("semver-lt", Condition.of("appVersion", Operator.SEMVER_LT, "10.0.0-rc.1")));
		flags.add(rule("segment", Condition.inSegment("testers")));
		flags.add(rule("not-segment", Condition.inSegment("testers").negated()));
		flags.add(Flag.builder("rollout-key").rollout(50).build());
		flags.add(Flag.builder("rollout-string-attribute").rollout(50).bucketBy("accountId").build());
		flags.add(Flag.builder("rollout-number-attribute").rollout(50).bucketBy("orgId").build());
		flags.add(Flag.builder("rollout-missing-unit").rollout(50).bucketBy("missing").build());
		flags.add(Flag.builder("listed").rollout(0).include("user-1", "user-2").exclude("user-3").build());
		flags.add(Flag.builder("experiment")
			.rollout(60)
			.variants(Variant.of("a", 34), Variant.of("b", 33), Variant.of("c", 33))
			.bucketBy("orgId")
			.build());
		flags.add(Flag.builder("disabled").enabled(false).build());
		Segment testers = new Segment("testers", "", List.of("user-7"), List.of("user-3"),
				List.of(SegmentRule.of(Condition.of("email", Operator.ENDS_WITH, "@example.com"))), Map.of());
		FlagSnapshot snapshot = FlagSnapshot.of(Definitions.of(flags, List.of(testers)));
		FlagContext[] contexts = new FlagContext[16];
		for (int i = 0; i < contexts.length; i++) {
			contexts[i] = FlagContext.builder("user-" + i)
				.attribute("plan", (i % 2 == 0) ? "pro" : "free")
				.attribute("groups", (i % 3 == 0) ? List.of("beta") : List.of("alpha", "staff"))
				.attribute("age", 25 + i)
				.attribute("country", (i % 4 == 0) ? "US" : "DE")
				.attribute("email", (i % 2 == 0) ? "someone@example.com" : "other@mail.test")
				.attribute("score", 9.0 + i * 0.1)
				.attribute("signupDate", "2025-0" + (1 + i % 9) + "-15")
				.attribute("lastSeen", "2025-06-0" + (1 + i % 9) + "T12:30:00.25+02:00")
				.attribute("createdAt", 1_600_000_000_000L + i * 86_400_000L * 200)
				.attribute("appVersion", List.of("1.9.9", "2.3.1-beta.2", "2.3.1", "10.0.0-beta").get(i % 4))
				.attribute("accountId", "account-" + (i / 2))
				.attribute("orgId", 1000 + i)
				.attribute("limit", (i % 2 == 0) ? "249.5" : "1e3")
				.build();
		}
		List<String> keys = flags.stream().map(Flag::key).toList();
		String[] flagKeys = keys.toArray(new String[0]);
		int on = evaluateAll(snapshot, flagKeys, contexts, 200);
		assertThat(on).as("some decisions are on, some off").isBetween(1, 200 * flagKeys.length * contexts.length - 1);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(thread);
		evaluateAll(snapshot, flagKeys, contexts, 1000);
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		// 400 000 decisions: a single object per decision would be at least 6 400 000 bytes
		assertThat(allocated).as("bytes allocated by %d decisions", 1000 * flagKeys.length * contexts.length)
			.isLessThan(10_000);
	}

	private static int evaluateAll(FlagSnapshot snapshot, String[] keys, FlagContext[] contexts, int rounds) {
		int on = 0;
		for (int round = 0; round < rounds; round++) {
			for (String key : keys) {
				for (FlagContext context : contexts) {
					on += snapshot.isEnabled(key, context) ? 1 : 0;
				}
			}
		}
		return on;
	}

	private static Flag rule(String key, Condition condition) {
		return Flag.builder(key).rule(Rule.rollout(100, condition)).build();
	}

}
