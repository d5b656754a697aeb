package dev.flags.spring.autoconfigure;

import dev.flags.spring.FlagService;
import dev.flags.spring.web.ClientFlagsHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration of the endpoint that serves browsers the current user's decisions of the
 * flags marked {@code clientVisible}, at {@code flags.client.path}: on in a servlet web
 * application unless {@code flags.client.enabled=false}.
 */
@AutoConfiguration(afterName = "dev.flags.spring.autoconfigure.FlagsAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBooleanProperty(name = "flags.client.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FlagsProperties.class)
public final class FlagsClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(FlagService.class)
	ClientFlagsHandler clientFlagsHandler(FlagService flagService) {
		return new ClientFlagsHandler(flagService);
	}

	@Bean
	@ConditionalOnBean(ClientFlagsHandler.class)
	RouterFunction<ServerResponse> clientFlagsRouterFunction(ClientFlagsHandler clientFlagsHandler,
			FlagsProperties properties) {
		return RouterFunctions.route().GET(properties.getClient().getPath(), clientFlagsHandler).build();
	}

}
