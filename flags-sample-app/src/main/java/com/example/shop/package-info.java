/**
 * A small shop that uses flags the way an application would.
 */
@NullMarked
package com.example.shop;

import org.jspecify.annotations.NullMarked;
