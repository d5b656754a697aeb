package dev.flags.spring.aop;

import dev.flags.spring.FeatureFlag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a gated controller answers 404 while its flag is off, like a path that does not
 * exist.
 */
@SpringBootTest(classes = FeatureFlagControllerTests.WebConfiguration.class)
@AutoConfigureMockMvc
class FeatureFlagControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private TestFlagService flags;

	@Test
	void answersNotFoundWhileOff() {
		this.flags.turnOff("new-checkout");
		assertThat(this.mvc.get().uri("/checkout")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void answersLikeAnUnknownPathWhileOff() {
		this.flags.turnOff("new-checkout");
		assertThat(this.mvc.get().uri("/checkout")).hasStatus(HttpStatus.NOT_FOUND)
			.hasErrorMessage(null)
			.body()
			.isEqualTo(this.mvc.get().uri("/no-such-path").exchange().getResponse().getContentAsByteArray());
	}

	@Test
	void answersWhileOn() {
		this.flags.turnOn("new-checkout");
		assertThat(this.mvc.get().uri("/checkout")).hasStatusOk().hasBodyTextEqualTo("one-page checkout");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, AopAutoConfiguration.class,
			FeatureFlagAopAutoConfiguration.class })
	@Import(CheckoutController.class)
	static class WebConfiguration {

		@Bean
		TestFlagService flagService() {
			return new TestFlagService();
		}

	}

	@RestController
	static class CheckoutController {

		@GetMapping("/checkout")
		@FeatureFlag("new-checkout")
		String checkout() {
			return "one-page checkout";
		}

	}

}
