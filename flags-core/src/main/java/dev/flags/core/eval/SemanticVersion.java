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

	/** What {@link #compare(String, SemanticVersion)} returns for a string that is not a version. */
	static final int INVALID = Integer.MIN_VALUE;

	/**
	 * Compares a version written as a string with a parsed one, without parsing the string into
	 * objects: one scan checks the grammar of semver.org and finds the parts, and the comparison
	 * reads them where they are, so that testing a context's version allocates nothing.
	 * @param s the string, e.g. a context's {@code appVersion}
	 * @param other the version to compare with
	 * @return the sign of the comparison of {@code s} with {@code other} (-1, 0 or 1), or
	 * {@link #INVALID} when {@code s} is not a version
	 */
	static int compare(String s, SemanticVersion other) {
		int length = s.length();
		int majorEnd = numericEnd(s, 0, length);
		if (majorEnd < 0 || majorEnd >= length || s.charAt(majorEnd) != '.') {
			return INVALID;
		}
		int minorEnd = numericEnd(s, majorEnd + 1, length);
		if (minorEnd < 0 || minorEnd >= length || s.charAt(minorEnd) != '.') {
			return INVALID;
		}
		int patchEnd = numericEnd(s, minorEnd + 1, length);
		if (patchEnd < 0) {
			return INVALID;
		}
		// The pre-release runs from after '-' to '+' or the end; the build after '+' is checked, then ignored
		int preStart = -1;
		int preEnd = patchEnd;
		int i = patchEnd;
		if (i < length && s.charAt(i) == '-') {
			preStart = i + 1;
			preEnd = identifiersEnd(s, preStart, length, true);
			if (preEnd < 0) {
				return INVALID;
			}
			i = preEnd;
		}
		if (i < length && s.charAt(i) == '+') {
			i = identifiersEnd(s, i + 1, length, false);
			if (i < 0) {
				return INVALID;
			}
		}
		if (i != length) {
			return INVALID;
		}
		int result = compareNumeric(s, 0, majorEnd, other.major);
		if (result == 0) {
			result = compareNumeric(s, majorEnd + 1, minorEnd, other.minor);
		}
		if (result == 0) {
			result = compareNumeric(s, minorEnd + 1, patchEnd, other.patch);
		}
		if (result != 0) {
			return result;
		}
		List<String> otherPre = other.preRelease;
		if (preStart < 0 || otherPre.isEmpty()) {
			// A version without a pre-release ranks above one with.
			return Boolean.compare(preStart < 0, otherPre.isEmpty());
		}
		int start = preStart;
		for (int index = 0; index < otherPre.size(); index++) {
			if (start > preEnd) {
				// This one's identifiers ran out first: the shorter list ranks lower
				return -1;
			}
			int end = start;
			while (end < preEnd && s.charAt(end) != '.') {
				end++;
			}
			result = compareIdentifier(s, start, end, otherPre.get(index));
			if (result != 0) {
				return result;
			}
			start = end + 1;
		}
		return (start > preEnd) ? 0 : 1;
	}

	/** The end of a numeric identifier without leading zeros starting at {@code from}, or -1. */
	private static int numericEnd(String s, int from, int length) {
		if (from >= length || !Values.isDigit(s.charAt(from))) {
			return -1;
		}
		if (s.charAt(from) == '0') {
			return from + 1;
		}
		int i = from + 1;
		while (i < length && Values.isDigit(s.charAt(i))) {
			i++;
		}
		return i;
	}

	/**
	 * The end of dot-separated identifiers of {@code [0-9A-Za-z-]} starting at {@code from}: at
	 * the end or at a {@code '+'} (which only a pre-release may be followed by); -1 when one is
	 * empty or holds another character. Pre-release identifiers that are numeric may not have
	 * leading zeros.
	 */
	private static int identifiersEnd(String s, int from, int length, boolean preRelease) {
		int start = from;
		int i = from;
		boolean numeric = true;
		while (true) {
			char c = (i < length) ? s.charAt(i) : '\0';
			if (i == length || c == '.' || (preRelease && c == '+')) {
				if (i == start || (preRelease && numeric && i - start > 1 && s.charAt(start) == '0')) {
					return -1;
				}
				if (i == length || c == '+') {
					return i;
				}
				start = i + 1;
				numeric = true;
			}
			else if (Values.isDigit(c)) {
				// a digit keeps an identifier numeric
			}
			else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-') {
				numeric = false;
			}
			else {
				return -1;
			}
			i++;
		}
	}

	private static int compareIdentifier(String s, int start, int end, String other) {
		boolean numericA = true;
		for (int i = start; i < end; i++) {
			if (!Values.isDigit(s.charAt(i))) {
				numericA = false;
				break;
			}
		}
		boolean numericB = isNumeric(other);
		if (numericA && numericB) {
			return compareNumeric(s, start, end, other);
		}
		if (numericA != numericB) {
			// Numeric identifiers rank below alphanumeric ones.
			return numericA ? -1 : 1;
		}
		// By ASCII order, as String.compareTo orders them
		int shared = Math.min(end - start, other.length());
		for (int i = 0; i < shared; i++) {
			int difference = s.charAt(start + i) - other.charAt(i);
			if (difference != 0) {
				return Integer.signum(difference);
			}
		}
		return Integer.compare(end - start, other.length());
	}

	/** Compares a digit range without leading zeros with a digit string by value. */
	private static int compareNumeric(String s, int start, int end, String other) {
		if (end - start != other.length()) {
			return Integer.compare(end - start, other.length());
		}
		for (int i = 0; i < other.length(); i++) {
			int difference = s.charAt(start + i) - other.charAt(i);
			if (difference != 0) {
				return Integer.signum(difference);
			}
		}
		return 0;
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
