package dev.flags.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The definitions document (spec §1): all flags and segments.
 *
 * @param flags the flags, in document order
 * @param segments the segments, in document order
 * @param extra top-level fields this model does not know
 */
public record Definitions(List<Flag> flags, List<Segment> segments, Map<String, @Nullable Object> extra) {

	private static final Definitions EMPTY = new Definitions(List.of(), List.of(), Map.of());

	/**
	 * Creates a document, copying its lists.
	 * @param flags the flags
	 * @param segments the segments
	 * @param extra unknown top-level fields to keep
	 */
	public Definitions {
		flags = Copies.list(flags);
		segments = Copies.list(segments);
		extra = Copies.extra(extra);
	}

	/**
	 * A document with no flags and no segments.
	 * @return the empty document
	 */
	public static Definitions empty() {
		return EMPTY;
	}

	/**
	 * A document of the given flags and segments.
	 * @param flags the flags
	 * @param segments the segments
	 * @return the document
	 */
	public static Definitions of(List<Flag> flags, List<Segment> segments) {
		return new Definitions(flags, segments, Map.of());
	}

	/**
	 * The flag with the given key.
	 * @param key the flag key
	 * @return the flag, if defined
	 */
	public Optional<Flag> flag(String key) {
		for (Flag flag : this.flags) {
			if (flag.key().equals(key)) {
				return Optional.of(flag);
			}
		}
		return Optional.empty();
	}

	/**
	 * The segment with the given key.
	 * @param key the segment key
	 * @return the segment, if defined
	 */
	public Optional<Segment> segment(String key) {
		for (Segment segment : this.segments) {
			if (segment.key().equals(key)) {
				return Optional.of(segment);
			}
		}
		return Optional.empty();
	}

	/**
	 * This document with one flag added, or replaced when one with its key exists (in place).
	 * @param flag the flag
	 * @return the changed document
	 */
	public Definitions withFlag(Flag flag) {
		List<Flag> changed = new ArrayList<>(this.flags);
		boolean replaced = false;
		for (int i = 0; i < changed.size(); i++) {
			if (changed.get(i).key().equals(flag.key())) {
				changed.set(i, flag);
				replaced = true;
			}
		}
		if (!replaced) {
			changed.add(flag);
		}
		return new Definitions(changed, this.segments, this.extra);
	}

	/**
	 * This document without the flag of the given key.
	 * @param key the flag key
	 * @return the changed document
	 */
	public Definitions withoutFlag(String key) {
		List<Flag> changed = new ArrayList<>(this.flags);
		changed.removeIf((flag) -> flag.key().equals(key));
		return new Definitions(changed, this.segments, this.extra);
	}

	/**
	 * This document with one segment added, or replaced when one with its key exists.
	 * @param segment the segment
	 * @return the changed document
	 */
	public Definitions withSegment(Segment segment) {
		List<Segment> changed = new ArrayList<>(this.segments);
		boolean replaced = false;
		for (int i = 0; i < changed.size(); i++) {
			if (changed.get(i).key().equals(segment.key())) {
				changed.set(i, segment);
				replaced = true;
			}
		}
		if (!replaced) {
			changed.add(segment);
		}
		return new Definitions(this.flags, changed, this.extra);
	}

	/**
	 * This document without the segment of the given key.
	 * @param key the segment key
	 * @return the changed document
	 */
	public Definitions withoutSegment(String key) {
		List<Segment> changed = new ArrayList<>(this.segments);
		changed.removeIf((segment) -> segment.key().equals(key));
		return new Definitions(this.flags, changed, this.extra);
	}

}
