package dev.flags.spring.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.model.Definitions;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.spring.autoconfigure.FlagsAdminAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsAutoConfiguration;
import dev.flags.spring.autoconfigure.FlagsGovernanceAutoConfiguration;
import dev.flags.spring.governance.FlagChangedEvent;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A web application with Spring Security whose own rules let every request through, so that
 * what the admin API decides is what is tested; CSRF protection is off, as for an API called with
 * credentials rather than cookies. Its store holds {@code flags/admin.json}.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, SecurityAutoConfiguration.class,
		ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class, FlagsAutoConfiguration.class,
		FlagsGovernanceAutoConfiguration.class, FlagsAdminAutoConfiguration.class })
class AdminTestConfiguration {

	static Definitions definitions() {
		try {
			return DefinitionsCodec
				.read(new ClassPathResource("flags/admin.json").getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Bean
	InMemoryFlagStore flagStore() {
		return new InMemoryFlagStore(definitions());
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	ChangedEvents changedEvents() {
		return new ChangedEvents();
	}

	/**
	 * The {@link FlagChangedEvent}s published.
	 */
	static class ChangedEvents {

		final List<FlagChangedEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void onChange(FlagChangedEvent event) {
			this.events.add(event);
		}

	}

}
