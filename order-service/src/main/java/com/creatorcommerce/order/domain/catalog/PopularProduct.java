package com.creatorcommerce.order.domain.catalog;

/** A product id with its detail views inside the popularity window. */
public record PopularProduct(long productId, long recentViews) {}
