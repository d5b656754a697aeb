/**
 * The flag context of an HTTP request in a servlet web application: resolved once per request
 * from the authenticated principal, configured headers, an anonymous-id cookie and the
 * application's {@link dev.flags.spring.FlagContextContributor contributors}; and the endpoint
 * that serves browsers the decisions of the flags marked {@code clientVisible}.
 */
@NullMarked
package dev.flags.spring.web;

import org.jspecify.annotations.NullMarked;
