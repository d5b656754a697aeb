/**
 * The admin REST API: create, change and delete flags, and read their audit log, over HTTP with
 * RFC 9457 problem details for every refusal.
 */
@NullMarked
package dev.flags.spring.admin;

import org.jspecify.annotations.NullMarked;
