package com.example.shop.web;

import org.springframework.web.util.HtmlUtils;

/**
 * The shop's page layout: plain HTML, so the sample needs no template engine.
 */
public final class Page {

	private Page() {
	}

	/**
	 * A whole page.
	 * @param title the title
	 * @param body the body's HTML
	 * @return the page
	 */
	public static String render(String title, String body) {
		return """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><title>%s · flags shop</title>
				<style>
				body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
				nav a{margin-right:1rem} table{border-collapse:collapse;width:100%%}
				td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}
				.on{color:#0a7d28;font-weight:600} .off{color:#a40000} .price{font-size:1.6rem}
				.card{display:inline-block;border:1px solid #ddd;border-radius:6px;padding:.6rem;margin:.3rem}
				</style></head><body>
				<nav><a href="/">Shop</a><a href="/checkout">Checkout</a><a href="/pricing">Pricing</a>
				<a href="/my-flags">My flags</a></nav>
				%s
				</body></html>
				""".formatted(escape(title), body);
	}

	/**
	 * Escapes text for HTML.
	 * @param text the text
	 * @return the escaped text
	 */
	public static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
