package com.example.shop.checkout;

/**
 * The checkout a visitor gets.
 *
 * @param version {@code one-page} or {@code classic}
 * @param steps the steps the visitor goes through
 */
public record Checkout(String version, int steps) {
}
