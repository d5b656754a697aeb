package dev.flags.spring.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move by hand.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * Creates a clock.
	 * @param now the time it starts at
	 */
	public MutableClock(Instant now) {
		this.now = now;
	}

	/**
	 * Creates a clock.
	 * @param now the time it starts at, as an ISO-8601 instant
	 */
	public MutableClock(String now) {
		this(Instant.parse(now));
	}

	/**
	 * Moves the clock forward.
	 * @param duration how far
	 * @return this clock
	 */
	public MutableClock advance(Duration duration) {
		this.now = this.now.plus(duration);
		return this;
	}

	/**
	 * Moves the clock forward by days.
	 * @param days how many
	 * @return this clock
	 */
	public MutableClock advanceDays(long days) {
		return advance(Duration.ofDays(days));
	}

	/**
	 * Sets the clock.
	 * @param now the new time
	 * @return this clock
	 */
	public MutableClock set(String now) {
		this.now = Instant.parse(now);
		return this;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("A mutable clock is always in UTC");
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
