package dev.flags.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Condition;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.FlagKind;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Segment;
import dev.flags.core.model.SegmentRule;
import dev.flags.core.model.Variant;

/**
 * The data the benchmarks evaluate: a document of {@value #FLAGS} flags of every kind plus one
 * segment, and {@value #USERS} users with realistic attributes.
 */
final class BenchmarkData {

	/** The number of flags in the document. */
	static final int FLAGS = 1000;

	/** The number of users the benchmarks rotate through; a power of two. */
	static final int USERS = 1024;

	/** (a) enabled at 100 %, nothing else. */
	static final String FLAG_ON = "checkout-redesign";

	/** (b) disabled. */
	static final String FLAG_OFF = "legacy-search";

	/** (c) a 25 % rollout. */
	static final String FLAG_ROLLOUT = "new-search";

	/** (d) a first rule of three attribute conditions and a segment; off for everyone else. */
	static final String FLAG_RULE = "eu-business-beta";

	/** The rule of (d), with a 10 % rollout for everyone else. */
	static final String FLAG_RULE_THEN_ROLLOUT = "eu-business-beta-ramp";

	/** (e) a 50/50 experiment at 100 %. */
	static final String FLAG_EXPERIMENT = "pricing-page-experiment";

	/** The segment of (d). */
	static final String SEGMENT = "beta-testers";

	private static final String[] PLANS = { "free", "pro", "enterprise", "pro" };

	private static final String[] COUNTRIES = { "DE", "FR", "US", "NL", "GB", "ES", "SE", "IT" };

	private static final List<List<String>> GROUPS = List.of(List.of("beta"), List.of("beta", "staff"),
			List.of("early-access"), List.of("newsletter"), List.of("beta", "newsletter"));

	private BenchmarkData() {
	}

	/**
	 * The document, written to JSON and read back as a store would load it, so that no flag key
	 * is the same {@code String} instance as the constant a caller passes.
	 * @return the definitions
	 */
	static Definitions definitions() {
		List<Flag> flags = new ArrayList<>(FLAGS);
		flags.add(Flag.builder(FLAG_ON).rollout(100).build());
		flags.add(Flag.builder(FLAG_OFF).kind(FlagKind.KILL_SWITCH).enabled(false).rollout(100).build());
		flags.add(Flag.builder(FLAG_ROLLOUT).rollout(25).build());
		Rule euBusinessBeta = Rule.rollout(100, Condition.of("plan", Operator.IN, "pro", "enterprise"),
				Condition.of("country", Operator.IN, "DE", "FR", "NL", "ES", "SE", "IT", "PL"),
				Condition.of("groups", Operator.IN, "beta", "early-access"), Condition.inSegment(SEGMENT));
		flags.add(Flag.builder(FLAG_RULE).rule(euBusinessBeta).build());
		flags.add(Flag.builder(FLAG_RULE_THEN_ROLLOUT).rollout(10).rule(euBusinessBeta).build());
		flags.add(Flag.builder(FLAG_EXPERIMENT)
			.kind(FlagKind.EXPERIMENT)
			.rollout(100)
			.variants(Variant.of("control", 50), Variant.of("treatment", 50))
			.build());
		for (int i = flags.size(); i < FLAGS; i++) {
			flags.add(filler(i));
		}
		Segment segment = new Segment(SEGMENT, "People who test new features", List.of("user-7", "user-70"),
				List.of("user-3"),
				List.of(SegmentRule.of(Condition.of("email", Operator.ENDS_WITH, "@example.com"))), Map.of());
		return DefinitionsCodec.read(DefinitionsCodec.write(Definitions.of(flags, List.of(segment))));
	}

	/** One of the other flags: every kind, rollouts, lists, rules and experiments. */
	private static Flag filler(int i) {
		String key = String.format("flag-%04d", i);
		return switch (i % 8) {
			case 0 -> Flag.builder(key).rollout(100).build();
			case 1 -> Flag.builder(key).rollout(i % 100).include("user-1", "user-2").exclude("user-3").build();
			case 2 -> Flag.builder(key).kind(FlagKind.KILL_SWITCH).enabled(i % 3 != 0).rollout(100).build();
			case 3 -> Flag.builder(key)
				.kind(FlagKind.EXPERIMENT)
				.rollout(50)
				.variants(Variant.of("a", 34), Variant.of("b", 33), Variant.of("c", 33))
				.build();
			case 4 -> Flag.builder(key)
				.kind(FlagKind.ENTITLEMENT)
				.rule(Rule.rollout(100, Condition.of("plan", Operator.IN, "enterprise")))
				.build();
			case 5 -> Flag.builder(key)
				.kind(FlagKind.OPS)
				.rule(Rule.rollout(100, Condition.of("age", Operator.GTE, 18)))
				.rule(Rule.rollout(100, Condition.of("email", Operator.ENDS_WITH, "@example.com")))
				.build();
			case 6 -> Flag.builder(key)
				.rollout(5)
				.rule(Rule.rollout(100, Condition.inSegment(SEGMENT)))
				.bucketBy("accountId")
				.build();
			default -> Flag.builder(key).enabled(false).build();
		};
	}

	/**
	 * The users: key {@code user-N}, a plan, a country, groups, an email, an age and an account.
	 * @return the contexts, {@value #USERS} of them
	 */
	static FlagContext[] contexts() {
		FlagContext[] contexts = new FlagContext[USERS];
		for (int i = 0; i < USERS; i++) {
			contexts[i] = FlagContext.builder(userKey(i))
				.attribute("plan", PLANS[i % PLANS.length])
				.attribute("country", COUNTRIES[(i / 4) % COUNTRIES.length])
				.attribute("groups", GROUPS.get(i % GROUPS.size()))
				.attribute("email", "user-" + i + ((i % 2 == 0) ? "@example.com" : "@mail.test"))
				.attribute("age", 18 + (i % 60))
				.attribute("accountId", "account-" + (i / 16))
				.attribute("signupDate", String.format("2025-%02d-%02d", 1 + i % 12, 1 + i % 28))
				.build();
		}
		return contexts;
	}

	static String userKey(int i) {
		return "user-" + i;
	}

}
