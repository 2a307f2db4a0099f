/**
 * Messages between services. Each producing service owns a sub-package ({@code coupon}, {@code point},
 * {@code payment}, {@code order}, {@code credit}) holding a {@code Topics} class with its topic names and CloudEvents
 * types, and Java records for its events (past tense), commands ({@code ...Command}) and replies (named after
 * outcomes). JSON is snake_case; 64-bit ids are strings. The AsyncAPI document is {@code docs/asyncapi.yaml}.
 */
package com.creatorcommerce.contracts;
