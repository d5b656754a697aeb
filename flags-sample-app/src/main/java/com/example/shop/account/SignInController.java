package com.example.shop.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The demo sign-in: pick a customer to see the shop as they do.
 */
@RestController
class SignInController {

	private final Accounts accounts;

	SignInController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/sign-in")
	RedirectView signIn(@RequestParam String user, HttpServletRequest request) {
		if (this.accounts.find(user).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No account '" + user + "'");
		}
		SessionUser.signIn(request, user);
		return new RedirectView("/");
	}

	@GetMapping("/sign-out")
	RedirectView signOut(HttpServletRequest request) {
		SessionUser.signOut(request);
		return new RedirectView("/");
	}

}
