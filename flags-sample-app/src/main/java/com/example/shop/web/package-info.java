/**
 * The shop's web feature.
 */
@NullMarked
package com.example.shop.web;

import org.jspecify.annotations.NullMarked;
