/**
 * The shop's recommendations feature.
 */
@NullMarked
package com.example.shop.recommendations;

import org.jspecify.annotations.NullMarked;
