package com.creatorcommerce.order.application;

import java.util.List;
import java.util.function.Function;

/** One page of a listing; pages are numbered from 1. */
public record Page<T>(List<T> items, long total, int page, int pageSize) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return (long) page * pageSize < total;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, page, pageSize);
    }
}
