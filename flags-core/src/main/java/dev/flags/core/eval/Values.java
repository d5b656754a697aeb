package dev.flags.core.eval;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

/**
 * The value conversions of spec §5.1: string forms and numbers.
 */
final class Values {

	private static final double TWO_TO_53 = 9007199254740992.0;

	private Values() {
	}

	/**
	 * The string form: a string is itself; booleans are {@code true}/{@code false}; an integral
	 * number below 2^53 in magnitude is its plain decimal; anything else has none.
	 */
	static @Nullable String stringForm(@Nullable Object value) {
		if (value instanceof String s) {
			return s;
		}
		if (value instanceof Boolean b) {
			return b ? "true" : "false";
		}
		if (value instanceof Number n) {
			return integralForm(n);
		}
		return null;
	}

	private static @Nullable String integralForm(Number n) {
		if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
			long l = n.longValue();
			return (Math.abs((double) l) < TWO_TO_53) ? Long.toString(l) : null;
		}
		if (n instanceof BigInteger big) {
			return (big.bitLength() <= 53 && Math.abs(big.doubleValue()) < TWO_TO_53) ? big.toString() : null;
		}
		if (n instanceof BigDecimal big) {
			BigDecimal stripped = big.stripTrailingZeros();
			// More than 16 integer digits is at least 2^53; checked first so that a huge exponent
			// (1e999999999) is never expanded into its digits.
			if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > 16) {
				return null;
			}
			return integralForm(stripped.toBigIntegerExact());
		}
		double d = n.doubleValue();
		if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d) || Math.abs(d) >= TWO_TO_53) {
			return null;
		}
		return Long.toString((long) d);
	}

	/** What {@link #integralValue} returns for a number with no string form: below -2^53, so never a value. */
	static final long NO_INTEGRAL = Long.MIN_VALUE;

	/**
	 * The value of a number whose string form is its plain decimal (an integral number below 2^53
	 * in magnitude), without building that form for the common {@code Integer}, {@code Long} and
	 * {@code Double}.
	 * @param n the number
	 * @return the value, or {@link #NO_INTEGRAL} when the number has no string form
	 */
	static long integralValue(Number n) {
		if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
			long l = n.longValue();
			return (Math.abs((double) l) < TWO_TO_53) ? l : NO_INTEGRAL;
		}
		if (n instanceof Double || n instanceof Float) {
			double d = n.doubleValue();
			return (d == Math.rint(d) && Math.abs(d) < TWO_TO_53) ? (long) d : NO_INTEGRAL;
		}
		String form = integralForm(n);
		return (form != null) ? Long.parseLong(form) : NO_INTEGRAL;
	}

	/** Whether a value is a number: a JSON number, or a string in the JSON number grammar. */
	static boolean isNumber(@Nullable Object value) {
		return (value instanceof Number) || (value instanceof String s && isJsonNumber(s));
	}

	/** The number a value holds; only call when {@link #isNumber} is true. */
	static double toDouble(Object value) {
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		String s = (String) value;
		double fast = fastParse(s);
		return Double.isNaN(fast) ? Double.parseDouble(s) : fast;
	}

	/** Exact powers of ten up to 10^22, the largest a double holds exactly. */
	private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
			1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

	/**
	 * The value of a string in the JSON number grammar whose digits fit in 2^53 and whose decimal
	 * exponent is at most 22 in magnitude, without allocating: the digits as a long, multiplied or
	 * divided by an exact power of ten, which IEEE arithmetic rounds correctly, so that the result
	 * is the one {@code Double.parseDouble} gives. NaN for any other string (the caller parses it).
	 */
	static double fastParse(String s) {
		int length = s.length();
		int i = 0;
		boolean negative = length > 0 && s.charAt(0) == '-';
		if (negative) {
			i++;
		}
		long digits = 0;
		int count = 0;
		int scale = 0;
		boolean fraction = false;
		for (; i < length; i++) {
			char c = s.charAt(i);
			if (c == '.' && !fraction) {
				fraction = true;
				continue;
			}
			if (!isDigit(c)) {
				break;
			}
			if (count >= 15) {
				return Double.NaN;
			}
			digits = digits * 10 + (c - '0');
			count += (digits != 0) ? 1 : 0;
			scale += fraction ? 1 : 0;
		}
		int exponent = 0;
		if (i < length) {
			char c = s.charAt(i);
			if (c != 'e' && c != 'E') {
				return Double.NaN;
			}
			i++;
			boolean negativeExponent = false;
			if (i < length && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
				negativeExponent = s.charAt(i) == '-';
				i++;
			}
			if (i == length || length - i > 3) {
				return Double.NaN;
			}
			for (; i < length; i++) {
				exponent = exponent * 10 + (s.charAt(i) - '0');
			}
			exponent = negativeExponent ? -exponent : exponent;
		}
		int power = exponent - scale;
		if (power < -22 || power > 22) {
			return Double.NaN;
		}
		double value = (power >= 0) ? digits * POWERS_OF_TEN[power] : digits / POWERS_OF_TEN[-power];
		return negative ? -value : value;
	}

	/** Whether a string matches {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} exactly. */
	static boolean isJsonNumber(String s) {
		int length = s.length();
		int i = 0;
		if (i < length && s.charAt(i) == '-') {
			i++;
		}
		if (i >= length) {
			return false;
		}
		char c = s.charAt(i);
		if (c == '0') {
			i++;
		}
		else if (c >= '1' && c <= '9') {
			while (i < length && isDigit(s.charAt(i))) {
				i++;
			}
		}
		else {
			return false;
		}
		if (i < length && s.charAt(i) == '.') {
			i++;
			int start = i;
			while (i < length && isDigit(s.charAt(i))) {
				i++;
			}
			if (i == start) {
				return false;
			}
		}
		if (i < length && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
			i++;
			if (i < length && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
				i++;
			}
			int start = i;
			while (i < length && isDigit(s.charAt(i))) {
				i++;
			}
			if (i == start) {
				return false;
			}
		}
		return i == length;
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
