/**
 * The credit context's published language: {@link com.creatorcommerce.contracts.credit.CreditTopics} (topics and
 * CloudEvents types) and public events on {@code credit.events}. Credits are the creator economy's currency, as
 * integers; money paid for them is an exact decimal written as a JSON string ({@code "19.99"}) with its ISO 4217
 * currency, never a float. JSON is snake_case, ids are strings, timestamps ISO-8601 UTC.
 */
package com.creatorcommerce.contracts.credit;
