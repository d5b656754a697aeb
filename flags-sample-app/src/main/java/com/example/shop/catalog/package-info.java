/**
 * The shop's catalog feature.
 */
@NullMarked
package com.example.shop.catalog;

import org.jspecify.annotations.NullMarked;
