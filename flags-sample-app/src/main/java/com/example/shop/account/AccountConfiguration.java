package com.example.shop.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the session's signed-in user the flag context key.
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	@Bean
	SessionUser sessionUser() {
		return new SessionUser();
	}

}
