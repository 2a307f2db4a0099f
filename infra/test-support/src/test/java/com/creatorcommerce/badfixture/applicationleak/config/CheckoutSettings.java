package com.creatorcommerce.badfixture.applicationleak.config;

/** Configuration the application must not read directly. */
public record CheckoutSettings(int maxItems) {}
