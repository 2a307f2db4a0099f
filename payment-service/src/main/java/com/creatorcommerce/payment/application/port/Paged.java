package com.creatorcommerce.payment.application.port;

import java.util.List;

/** One page of a list; {@code page} is 1-based. */
public record Paged<T>(List<T> items, long total, int page, int pageSize) {

    public Paged {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return (long) page * pageSize < total;
    }
}
