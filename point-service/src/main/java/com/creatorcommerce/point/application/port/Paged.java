package com.creatorcommerce.point.application.port;

import java.util.List;

/** One page of a listing; pages are numbered from 1. */
public record Paged<T>(List<T> items, long total, int page, int pageSize) {

    public Paged {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return (long) page * pageSize < total;
    }
}
