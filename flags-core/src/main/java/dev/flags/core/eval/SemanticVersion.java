package dev.flags.core.eval;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A version by SemVer 2.0.0: parsed strictly by the grammar of semver.org, compared by precedence
 * (build metadata ignored). Numeric parts of any length compare by value.
 */
record SemanticVersion(String major, String minor, String patch, List<String> preRelease)
		implements Comparable<SemanticVersion> {

	private static final Pattern GRAMMAR = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
			+ "(?:-((?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
			+ "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

	static @Nullable SemanticVersion parse(@Nullable Object value) {
		if (!(value instanceof String s)) {
			return null;
		}
		Matcher matcher = GRAMMAR.matcher(s);
		if (!matcher.matches()) {
			return null;
		}
		String pre = matcher.group(4);
		List<String> preRelease = (pre != null) ? List.of(pre.split("\\.")) : List.of();
		return new SemanticVersion(matcher.group(1), matcher.group(2), matcher.group(3), preRelease);
	}

	@Override
	public int compareTo(SemanticVersion other) {
		int result = compareNumeric(this.major, other.major);
		if (result == 0) {
			result = compareNumeric(this.minor, other.minor);
		}
		if (result == 0) {
			result = compareNumeric(this.patch, other.patch);
		}
		if (result != 0) {
			return result;
		}
		if (this.preRelease.isEmpty() || other.preRelease.isEmpty()) {
			// A version without a pre-release ranks above one with.
			return Boolean.compare(this.preRelease.isEmpty(), other.preRelease.isEmpty());
		}
		int shared = Math.min(this.preRelease.size(), other.preRelease.size());
		for (int i = 0; i < shared; i++) {
			result = compareIdentifier(this.preRelease.get(i), other.preRelease.get(i));
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(this.preRelease.size(), other.preRelease.size());
	}

	private static int compareIdentifier(String a, String b) {
		boolean numericA = isNumeric(a);
		boolean numericB = isNumeric(b);
		if (numericA && numericB) {
			return compareNumeric(a, b);
		}
		if (numericA != numericB) {
			// Numeric identifiers rank below alphanumeric ones.
			return numericA ? -1 : 1;
		}
		return Integer.signum(a.compareTo(b));
	}

	private static boolean isNumeric(String identifier) {
		for (int i = 0; i < identifier.length(); i++) {
			if (!Values.isDigit(identifier.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** Compares digit strings without leading zeros by value: the longer is larger. */
	private static int compareNumeric(String a, String b) {
		if (a.length() != b.length()) {
			return Integer.compare(a.length(), b.length());
		}
		return Integer.signum(a.compareTo(b));
	}

}
