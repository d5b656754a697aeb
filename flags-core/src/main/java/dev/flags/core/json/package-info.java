/**
 * The JSON codec of the definitions document and of evaluation contexts.
 */
@NullMarked
package dev.flags.core.json;

import org.jspecify.annotations.NullMarked;
