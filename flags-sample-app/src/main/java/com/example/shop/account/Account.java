package com.example.shop.account;

/**
 * A customer account: what the shop knows about a signed-in user. Flags target these
 * attributes, which the server knows and a client cannot set.
 *
 * @param id the user id, the flag context key
 * @param name the display name
 * @param email the e-mail address
 * @param plan the subscription plan: free, pro or enterprise
 * @param country the billing country
 * @param signupDate when the account was opened
 */
public record Account(String id, String name, String email, String plan, String country, String signupDate) {
}
