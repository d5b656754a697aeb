package dev.flags.spring.governance;

import java.net.URI;

/**
 * Why a request to read or change flags was refused, with the HTTP status and the problem type
 * (RFC 9457) every API answers it with.
 */
public enum Refusal {

	/** A field of the request is missing, malformed or not allowed. */
	INVALID(400, "invalid-request", "Invalid request"),

	/** The caller is not authenticated. */
	UNAUTHENTICATED(401, "unauthenticated", "Authentication required"),

	/** The caller lacks a role, or is not one of the flag's editors. */
	FORBIDDEN(403, "forbidden", "Not allowed"),

	/** Writes are not enabled on this application. */
	WRITES_DISABLED(403, "writes-disabled", "Writes are disabled"),

	/** No flag has the key. */
	NOT_FOUND(404, "flag-not-found", "No such flag"),

	/** This instance is read-only. */
	READ_ONLY(405, "read-only", "Read-only instance"),

	/** The flag is no longer at the version the write was based on. */
	CONFLICT(409, "version-conflict", "Version conflict"),

	/** The request body is larger than allowed. */
	TOO_LARGE(413, "payload-too-large", "Request body too large"),

	/** The request body is not JSON. */
	UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),

	/** The write does not say which version it is based on. */
	VERSION_REQUIRED(428, "version-required", "Expected version required"),

	/** The change is high-impact and was not confirmed with a reason. */
	CONFIRMATION_REQUIRED(428, "confirmation-required", "Confirmation required"),

	/** The store cannot be read or written. */
	UNAVAILABLE(503, "store-unavailable", "Flag store unavailable");

	private static final String TYPE_PREFIX = "tag:flags.dev,2026:problem:";

	private final int status;

	private final String name;

	private final String title;

	Refusal(int status, String name, String title) {
		this.status = status;
		this.name = name;
		this.title = title;
	}

	/**
	 * The HTTP status of the refusal.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The problem type: a stable identifier, not a web page, such as
	 * {@code tag:flags.dev,2026:problem:version-conflict}.
	 * @return the type URI
	 */
	public URI type() {
		return URI.create(TYPE_PREFIX + this.name);
	}

	/**
	 * A short, fixed summary of the problem type.
	 * @return the title
	 */
	public String title() {
		return this.title;
	}

}
