/**
 * The order context's published language: {@link com.creatorcommerce.contracts.order.OrderTopics} (topic and
 * CloudEvents types) and the public events of orders on {@code order.events}. JSON is snake_case, ids are strings,
 * money is KRW as an integer, timestamps ISO-8601 UTC.
 */
package com.creatorcommerce.contracts.order;
