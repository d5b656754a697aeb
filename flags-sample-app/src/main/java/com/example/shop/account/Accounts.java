package com.example.shop.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The demo account directory: a few customers to sign in as.
 */
@Service
public class Accounts {

	private final Map<String, Account> accounts = new LinkedHashMap<>();

	public Accounts() {
		List.of(new Account("alice", "Alice (staff)", "alice@example.com", "enterprise", "DE", "2023-04-02"),
				new Account("bruno", "Bruno", "bruno@mail.test", "enterprise", "FR", "2024-11-20"),
				new Account("chen", "Chen", "chen@mail.test", "pro", "US", "2025-06-15"),
				new Account("dara", "Dara", "dara@mail.test", "free", "IE", "2026-01-09"))
			.forEach((account) -> this.accounts.put(account.id(), account));
	}

	public Optional<Account> find(String id) {
		return Optional.ofNullable(this.accounts.get(id));
	}

	public List<Account> all() {
		return List.copyOf(this.accounts.values());
	}

}
