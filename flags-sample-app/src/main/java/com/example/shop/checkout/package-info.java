/**
 * The shop's checkout feature.
 */
@NullMarked
package com.example.shop.checkout;

import org.jspecify.annotations.NullMarked;
