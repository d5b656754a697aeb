package dev.flags.core.eval;

import org.junit.jupiter.api.Test;

import static dev.flags.core.eval.ConditionCheck.condition;
import static dev.flags.core.eval.ConditionCheck.holds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code in_segment} (spec §5): a segment's include, exclude and rules, unknown segments
 * and negation. The segments are those of {@link ConditionCheck}.
 */
class SegmentConditionTests {

	private static final String IN_STAFF = condition(null, "in_segment", "[\"staff\"]", false);

	private static final String NOT_IN_STAFF = condition(null, "in_segment", "[\"staff\"]", true);

	@Test
	void includedKeyIsInWithoutAnyRuleHolding() {
		assertThat(holds(IN_STAFF, context("user-inc", "\"alice@other.org\""))).isTrue();
		assertThat(holds(IN_STAFF, "{ \"key\": \"user-inc\" }")).isTrue();
	}

	@Test
	void excludedKeyIsOutEvenWhenARuleHolds() {
		assertThat(holds(IN_STAFF, context("user-exc", "\"bob@example.com\""))).isFalse();
		assertThat(holds(NOT_IN_STAFF, context("user-exc", "\"bob@example.com\""))).isTrue();
	}

	@Test
	void keyInBothListsIsOutEvenWhenARuleHolds() {
		assertThat(holds(IN_STAFF, context("user-both", "\"erin@example.com\""))).isFalse();
		assertThat(holds(NOT_IN_STAFF, context("user-both", "\"erin@example.com\""))).isTrue();
	}

	@Test
	void keyInNeitherListIsInWhenARuleHolds() {
		assertThat(holds(IN_STAFF, context("user-1", "\"carol@example.com\""))).isTrue();
		assertThat(holds(IN_STAFF, context("user-1", "\"carol@example.org\""))).isFalse();
		assertThat(holds(IN_STAFF, "{ \"key\": \"user-1\" }")).isFalse();
	}

	@Test
	void anonymousContextIsJudgedByRules() {
		assertThat(holds(IN_STAFF, "{ \"attributes\": { \"email\": \"dave@example.com\" } }")).isTrue();
		assertThat(holds(IN_STAFF, "{ \"attributes\": { \"email\": \"dave@example.org\" } }")).isFalse();
	}

	@Test
	void segmentRuleWithNoConditionsHoldsForEveryone() {
		String inEveryone = condition(null, "in_segment", "[\"everyone\"]", false);
		assertThat(holds(inEveryone, "{}")).isTrue();
		assertThat(holds(inEveryone, "{ \"key\": \"user-1\" }")).isTrue();
	}

	@Test
	void anyOfTheNamedSegments() {
		String inStaffOrBeta = condition(null, "in_segment", "[\"staff\", \"beta\"]", false);
		assertThat(holds(inStaffOrBeta, "{ \"key\": \"user-1\", \"attributes\": { \"groups\": [\"alpha\", \"beta\"] } }"))
			.isTrue();
		assertThat(holds(inStaffOrBeta, "{ \"key\": \"user-1\", \"attributes\": { \"groups\": [\"alpha\"] } }"))
			.isFalse();
	}

	@Test
	void unknownSegmentNeverHolds() {
		String inUnknown = condition(null, "in_segment", "[\"nonexistent\"]", false);
		assertThat(holds(inUnknown, context("user-inc", "\"x@example.com\""))).isFalse();
		String inUnknownOrStaff = condition(null, "in_segment", "[\"nonexistent\", \"staff\"]", false);
		assertThat(holds(inUnknownOrStaff, context("user-1", "\"x@example.com\""))).isTrue();
	}

	@Test
	void negationInvertsMembership() {
		assertThat(holds(NOT_IN_STAFF, context("user-1", "\"carol@example.org\""))).isTrue();
		assertThat(holds(NOT_IN_STAFF, context("user-inc", "\"carol@example.org\""))).isFalse();
		// in_segment needs no attribute, so a context without one is simply not in the segment
		assertThat(holds(NOT_IN_STAFF, "{}")).isTrue();
		// no context is in an unknown segment, so every context is outside it
		assertThat(holds(condition(null, "in_segment", "[\"nonexistent\"]", true), "{}")).isTrue();
	}

	private static String context(String key, String email) {
		return "{ \"key\": \"" + key + "\", \"attributes\": { \"email\": " + email + " } }";
	}

}
