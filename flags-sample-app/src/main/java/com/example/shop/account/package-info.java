/**
 * The shop's account feature.
 */
@NullMarked
package com.example.shop.account;

import org.jspecify.annotations.NullMarked;
