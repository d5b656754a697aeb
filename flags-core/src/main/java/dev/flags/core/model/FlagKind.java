package dev.flags.core.model;

import org.jspecify.annotations.Nullable;

/**
 * What a flag is for. Release and experiment flags are temporary: the lifecycle report says when
 * they are due for removal. Kill switches, ops and entitlement flags are permanent and never
 * reported as debt.
 */
public enum FlagKind {

	/** Dormant code released gradually, removed once fully rolled out. */
	RELEASE("release", true),

	/** An A/B test whose variants are compared, removed once concluded. */
	EXPERIMENT("experiment", true),

	/** Turns a feature or dependency off in an emergency; permanent. */
	KILL_SWITCH("kill-switch", false),

	/** An operational toggle (log level, batch size switch); permanent. */
	OPS("ops", false),

	/**
	 * Product configuration: which customers get which capability; permanent, never reported for
	 * removal, and not to be deleted through the normal write path (retiring one is a product
	 * decision).
	 */
	ENTITLEMENT("entitlement", false);

	private final String json;

	private final boolean temporary;

	FlagKind(String json, boolean temporary) {
		this.json = json;
		this.temporary = temporary;
	}

	/**
	 * The name of this kind in the definitions document.
	 * @return the JSON name, e.g. {@code kill-switch}
	 */
	public String json() {
		return this.json;
	}

	/**
	 * Whether flags of this kind are expected to be removed eventually.
	 * @return true for release and experiment flags
	 */
	public boolean isTemporary() {
		return this.temporary;
	}

	/**
	 * The kind with the given JSON name.
	 * @param json the name as written in a document
	 * @return the kind, or null when no kind has that name
	 */
	public static @Nullable FlagKind fromJson(String json) {
		for (FlagKind kind : values()) {
			if (kind.json.equals(json)) {
				return kind;
			}
		}
		return null;
	}

}
