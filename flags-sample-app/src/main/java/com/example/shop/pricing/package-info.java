/**
 * The shop's pricing feature.
 */
@NullMarked
package com.example.shop.pricing;

import org.jspecify.annotations.NullMarked;
