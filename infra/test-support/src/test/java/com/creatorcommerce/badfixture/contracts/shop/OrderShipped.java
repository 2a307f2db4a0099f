package com.creatorcommerce.badfixture.contracts.shop;

import org.springframework.util.MimeType;

/** Breaks "the contracts are plain": a contract record with a Spring type. */
public record OrderShipped(long orderId, MimeType labelFormat) {}
