/**
 * The payment context's published language: {@link com.creatorcommerce.contracts.payment.PaymentTopics} (topics and
 * CloudEvents types), commands ({@code ...Command}) on {@code payment.commands}, replies on {@code payment.replies}
 * and public events on {@code payment.events}. payment-service is the only client of the external payment gateway
 * (PG); every other context asks it through these messages. JSON is snake_case, ids are strings, money is KRW as an
 * integer, timestamps ISO-8601 UTC.
 */
package com.creatorcommerce.contracts.payment;
