package com.creatorcommerce.order.domain.order;

/** Units of one product option an order asks for, as requested (checked by {@link OrderLines#normalise}). */
public record OrderLine(long productOptionId, int quantity) {}
