package dev.flags.spring.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagService;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the decisions of the current user for the flags marked {@code clientVisible}, for
 * browser code that only shapes what is shown: {@code {"new-nav": {"enabled": true}}}. Nothing
 * else leaves the server: no flag that is not marked (not even its key), no rules, no
 * percentages, no decisions for anyone else. Decisions stay server-side for everything else.
 * <p>
 * The response varies by user, so it is marked {@code no-store} for every cache.
 */
public final class ClientFlagsHandler implements HandlerFunction<ServerResponse> {

	private final FlagService flags;

	/**
	 * Creates the handler.
	 * @param flags decides for the current request's user
	 */
	public ClientFlagsHandler(FlagService flags) {
		this.flags = flags;
	}

	@Override
	public ServerResponse handle(ServerRequest request) {
		return ServerResponse.ok().cacheControl(CacheControl.noStore()).body(decisions());
	}

	/**
	 * The current user's decisions for the flags marked {@code clientVisible}.
	 * @return the decisions by flag key, in document order
	 */
	public Map<String, ClientFlag> decisions() {
		FlagContext context = this.flags.currentContext();
		Map<String, ClientFlag> decisions = new LinkedHashMap<>();
		for (Flag flag : this.flags.snapshot().definitions().flags()) {
			if (flag.clientVisible()) {
				Evaluation evaluation = this.flags.evaluate(flag.key(), context);
				decisions.put(flag.key(), new ClientFlag(evaluation.enabled(), evaluation.variant()));
			}
		}
		return decisions;
	}

	/**
	 * What the browser learns of one flag.
	 *
	 * @param enabled whether the flag is on for the user
	 * @param variant the variant the user gets, or null (left out of the JSON) when none
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ClientFlag(boolean enabled, @Nullable String variant) {

	}

}
