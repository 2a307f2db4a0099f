package com.creatorcommerce.badfixture.contracts.shop;

/** A plain contract record: breaks nothing. */
public record BasketCheckedOut(long basketId, long amount) {}
