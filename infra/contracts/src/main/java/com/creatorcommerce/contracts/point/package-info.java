/**
 * The point context's published language: {@link com.creatorcommerce.contracts.point.PointTopics} (topics and
 * CloudEvents types), saga participant commands ({@code ...Command}) on {@code point.commands}, replies on
 * {@code point.replies} and public events on {@code point.events}. Points are the commerce wallet's currency (1 point
 * = 1 KRW), as integers. JSON is snake_case, ids are strings, timestamps ISO-8601 UTC.
 */
package com.creatorcommerce.contracts.point;
