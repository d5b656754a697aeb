package dev.flags.core.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The instants of spec §5.1: a date {@code YYYY-MM-DD} (midnight UTC), a date-time
 * {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)} with an offset of at most 18:00, or a JSON number
 * with no fractional part as epoch milliseconds. Parsed by hand, strictly: no lowercase
 * {@code t}/{@code z}, no missing seconds or offset, no {@code 24:00}, no leap second.
 */
final class Instants {

	private Instants() {
	}

	static @Nullable Instant parse(@Nullable Object value) {
		if (value instanceof String s) {
			return parse(s);
		}
		if (value instanceof Number n) {
			return fromEpochMillis(n);
		}
		return null;
	}

	private static @Nullable Instant fromEpochMillis(Number n) {
		long millis;
		if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
			millis = n.longValue();
		}
		else if (n instanceof BigInteger big) {
			if (big.bitLength() > 63) {
				return null;
			}
			millis = big.longValue();
		}
		else if (n instanceof BigDecimal big) {
			BigDecimal stripped = big.stripTrailingZeros();
			if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > 19) {
				return null;
			}
			BigInteger integer = stripped.toBigIntegerExact();
			if (integer.bitLength() > 63) {
				return null;
			}
			millis = integer.longValue();
		}
		else {
			double d = n.doubleValue();
			if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d) || Math.abs(d) >= 9.2e18) {
				return null;
			}
			millis = (long) d;
		}
		return Instant.ofEpochMilli(millis);
	}

	static @Nullable Instant parse(String s) {
		long seconds = epochSeconds(s);
		return (seconds != INVALID) ? Instant.ofEpochSecond(seconds, nanos(s)) : null;
	}

	/** What {@link #epochSeconds} returns for a string that is no instant: no date of years 0 to 9999 is this far. */
	static final long INVALID = Long.MIN_VALUE;

	/**
	 * The whole seconds since the epoch of an instant written as a string, parsed without building
	 * any object, so that testing a context's date allocates nothing; {@link #nanos} gives the rest.
	 * @param s the string
	 * @return the seconds, or {@link #INVALID} when the string is no instant
	 */
	static long epochSeconds(String s) {
		int length = s.length();
		if (length < 10 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 2) || s.charAt(7) != '-'
				|| !digits(s, 8, 2)) {
			return INVALID;
		}
		int year = number(s, 0, 4);
		int month = number(s, 5, 2);
		int day = number(s, 8, 2);
		if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
			return INVALID;
		}
		long epochDay = epochDay(year, month, day);
		if (length == 10) {
			return epochDay * 86_400L;
		}
		if (length < 20 || s.charAt(10) != 'T' || !digits(s, 11, 2) || s.charAt(13) != ':' || !digits(s, 14, 2)
				|| s.charAt(16) != ':' || !digits(s, 17, 2)) {
			return INVALID;
		}
		int hour = number(s, 11, 2);
		int minute = number(s, 14, 2);
		int second = number(s, 17, 2);
		if (hour > 23 || minute > 59 || second > 59) {
			return INVALID;
		}
		int i = 19;
		if (s.charAt(i) == '.') {
			i++;
			int start = i;
			while (i < length && Values.isDigit(s.charAt(i))) {
				i++;
			}
			int count = i - start;
			if (count < 1 || count > 9) {
				return INVALID;
			}
		}
		int offsetSeconds;
		if (i < length && s.charAt(i) == 'Z' && i + 1 == length) {
			offsetSeconds = 0;
		}
		else if (i + 6 == length && (s.charAt(i) == '+' || s.charAt(i) == '-') && digits(s, i + 1, 2)
				&& s.charAt(i + 3) == ':' && digits(s, i + 4, 2)) {
			int offsetHours = number(s, i + 1, 2);
			int offsetMinutes = number(s, i + 4, 2);
			if (offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 18 * 60) {
				return INVALID;
			}
			offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * ((s.charAt(i) == '-') ? -1 : 1);
		}
		else {
			return INVALID;
		}
		return epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
	}

	/**
	 * The nanoseconds past the second of a string {@link #epochSeconds} accepted.
	 * @param s the string
	 * @return 0 to 999 999 999
	 */
	static int nanos(String s) {
		if (s.length() <= 20 || s.charAt(19) != '.') {
			return 0;
		}
		int i = 20;
		int nanos = 0;
		int count = 0;
		while (i < s.length() && Values.isDigit(s.charAt(i))) {
			nanos = nanos * 10 + (s.charAt(i) - '0');
			count++;
			i++;
		}
		for (; count < 9; count++) {
			nanos *= 10;
		}
		return nanos;
	}

	private static boolean isLeap(int year) {
		return (year % 4 == 0) && (year % 100 != 0 || year % 400 == 0);
	}

	private static int daysInMonth(int year, int month) {
		return switch (month) {
			case 2 -> isLeap(year) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	/** The day count from 1970-01-01 of a valid date of years 0 to 9999, as {@code LocalDate} counts. */
	private static long epochDay(int year, int month, int day) {
		long y = year;
		long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
		total += (367L * month - 362) / 12;
		total += day - 1;
		if (month > 2) {
			total--;
			if (!isLeap(year)) {
				total--;
			}
		}
		return total - 719_528L;
	}

	private static boolean digits(String s, int from, int count) {
		if (from + count > s.length()) {
			return false;
		}
		for (int i = from; i < from + count; i++) {
			if (!Values.isDigit(s.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static int number(String s, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			value = value * 10 + (s.charAt(i) - '0');
		}
		return value;
	}

}
