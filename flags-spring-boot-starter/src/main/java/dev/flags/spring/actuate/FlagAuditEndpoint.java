package dev.flags.spring.actuate;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flags.core.audit.AuditJson;
import dev.flags.core.audit.AuditPage;
import dev.flags.core.audit.AuditQuery;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FlagStoreException;
import dev.flags.spring.actuate.FlagsEndpoint.ErrorDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * The {@code flagaudit} actuator endpoint: the audit log of the flag store, newest first, of all
 * flags ({@code /actuator/flagaudit}) or of one ({@code /actuator/flagaudit/{flag}}), a page at a
 * time: {@code ?limit=} sets the page size (default {@value AuditQuery#DEFAULT_LIMIT}, at most
 * {@value AuditQuery#MAX_LIMIT}) and {@code ?before=} the {@code next} of the previous page.
 */
@WebEndpoint(id = FlagAuditEndpoint.ID, defaultAccess = Access.READ_ONLY)
public class FlagAuditEndpoint {

	/** The id of the endpoint. */
	public static final String ID = "flagaudit";

	private final FlagRegistry registry;

	/**
	 * Creates the endpoint.
	 * @param registry the registry whose store's audit log it shows
	 */
	public FlagAuditEndpoint(FlagRegistry registry) {
		this.registry = registry;
	}

	/**
	 * The newest audit records of every flag.
	 * @param before the id to read on from: the {@code next} of the previous page
	 * @param limit the page size
	 * @return the page; 400 for a limit out of range or an unknown cursor, 503 when the log cannot
	 * be read
	 */
	@ReadOperation
	public WebEndpointResponse<?> recent(@Nullable String before, @Nullable Integer limit) {
		return read(null, before, limit);
	}

	/**
	 * The newest audit records of one flag.
	 * @param flag the flag key
	 * @param before the id to read on from: the {@code next} of the previous page
	 * @param limit the page size
	 * @return the page, empty for a flag with no records
	 */
	@ReadOperation
	public WebEndpointResponse<?> flag(@Selector String flag, @Nullable String before, @Nullable Integer limit) {
		return read(flag, before, limit);
	}

	private WebEndpointResponse<?> read(@Nullable String flag, @Nullable String before, @Nullable Integer limit) {
		AuditPage page;
		try {
			AuditQuery query = new AuditQuery(flag, before, (limit != null) ? limit : AuditQuery.DEFAULT_LIMIT);
			page = this.registry.auditLog().read(query);
		}
		catch (IllegalArgumentException ex) {
			return new WebEndpointResponse<>(new ErrorDescriptor(ex.getMessage(), null, null),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		catch (FlagStoreException ex) {
			return new WebEndpointResponse<>(new ErrorDescriptor("The audit log cannot be read: " + ex.getMessage(),
					null, null), WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		}
		return new WebEndpointResponse<>(new AuditPageDescriptor(
				page.records().stream().map(AuditJson::toMap).toList(), page.next()));
	}

	/**
	 * A page of audit records.
	 *
	 * @param records the records, newest first, in the JSON form of {@link AuditJson}
	 * @param next the {@code before} of the next page, absent when there is none
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AuditPageDescriptor(List<Map<String, @Nullable Object>> records,
			@Nullable String next) implements OperationResponseBody {

	}

}
