package com.example.shop.account;

import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagContextContributor;
import org.springframework.stereotype.Component;

/**
 * Adds what the shop knows of the signed-in customer to the flag context: plan, country, e-mail
 * and signup date. These attributes are server-known, so rules on them are safe to use for
 * entitlements and staff-only features.
 */
@Component
class AccountAttributes implements FlagContextContributor {

	private final Accounts accounts;

	AccountAttributes(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void contribute(FlagContext context, FlagContext.Builder builder) {
		String key = context.key();
		if (key == null) {
			return;
		}
		this.accounts.find(key).ifPresent((account) -> builder.attribute("plan", account.plan())
			.attribute("country", account.country())
			.attribute("email", account.email())
			.attribute("signupDate", account.signupDate()));
	}

}
