package dev.flags.spring.web;

import java.util.List;
import java.util.Map;

import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagContextContributor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The starter's {@link FlagContextResolver}. The key is, in this order: the authenticated
 * user's (from the {@link PrincipalKeyResolver}), the value of the key header when one is
 * configured, or an anonymous id from a cookie. Attributes come from the configured headers,
 * then from the {@link FlagContextContributor contributors}, in order.
 * <p>
 * What a client can set and what it cannot: the principal and the contributors' attributes are
 * server-known; the key header, the header attributes and the anonymous cookie are whatever the
 * client sends. Rules that decide who may see something must use server-known values only.
 */
public final class RequestFlagContextResolver implements FlagContextResolver {

	private static final Log logger = LogFactory.getLog(RequestFlagContextResolver.class);

	private final PrincipalKeyResolver principalKeys;

	private final @Nullable String keyHeader;

	private final Map<String, String> attributeHeaders;

	private final @Nullable AnonymousIdCookie anonymousIdCookie;

	private final List<FlagContextContributor> contributors;

	/**
	 * Creates the resolver.
	 * @param principalKeys finds the key of an authenticated user
	 * @param keyHeader the header whose value is the key when no user is authenticated, or null
	 * for none
	 * @param attributeHeaders attribute names to the names of the headers they are read from
	 * @param anonymousIdCookie the cookie that keys anonymous visitors, or null to leave them
	 * without a key
	 * @param contributors add attributes, in this order
	 */
	public RequestFlagContextResolver(PrincipalKeyResolver principalKeys, @Nullable String keyHeader,
			Map<String, String> attributeHeaders, @Nullable AnonymousIdCookie anonymousIdCookie,
			List<FlagContextContributor> contributors) {
		this.principalKeys = principalKeys;
		this.keyHeader = (keyHeader != null && !keyHeader.isBlank()) ? keyHeader : null;
		this.attributeHeaders = Map.copyOf(attributeHeaders);
		this.anonymousIdCookie = anonymousIdCookie;
		this.contributors = List.copyOf(contributors);
	}

	@Override
	public FlagContext resolve(HttpServletRequest request, @Nullable HttpServletResponse response) {
		FlagContext.Builder builder = FlagContext.builder(key(request, response));
		this.attributeHeaders.forEach((attribute, header) -> {
			String value = header(request, header);
			if (value != null) {
				builder.attribute(attribute, value);
			}
		});
		FlagContext context = builder.build();
		for (FlagContextContributor contributor : this.contributors) {
			context = contribute(contributor, context);
		}
		return context;
	}

	private @Nullable String key(HttpServletRequest request, @Nullable HttpServletResponse response) {
		String principal = this.principalKeys.resolveKey(request);
		if (principal != null) {
			return principal;
		}
		String header = (this.keyHeader != null) ? header(request, this.keyHeader) : null;
		if (header != null) {
			return header;
		}
		return (this.anonymousIdCookie != null) ? this.anonymousIdCookie.resolveKey(request, response) : null;
	}

	private static FlagContext contribute(FlagContextContributor contributor, FlagContext context) {
		FlagContext.Builder builder = context.toBuilder();
		try {
			contributor.contribute(context, builder);
			return builder.build();
		}
		catch (RuntimeException ex) {
			logger.warn("Flag context contributor " + contributor.getClass().getName()
					+ " failed; its attributes are missing from this request's context", ex);
			return context;
		}
	}

	private static @Nullable String header(HttpServletRequest request, String name) {
		String value = request.getHeader(name);
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

}
