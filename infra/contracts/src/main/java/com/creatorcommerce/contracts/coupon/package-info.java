/**
 * The coupon context's published language: {@link com.creatorcommerce.contracts.coupon.CouponTopics} (topics and
 * CloudEvents types), commands ({@code ...Command}) on {@code coupon.commands}, replies on {@code coupon.replies}
 * and public events on {@code coupon.events}. JSON is snake_case, ids are strings, money is KRW as an integer,
 * timestamps ISO-8601 UTC.
 */
package com.creatorcommerce.contracts.coupon;
