package com.creatorcommerce.credit.application.port;

import java.util.List;
import java.util.function.Function;

/** One page of a list; {@code page} is 1-based. */
public record Paged<T>(List<T> items, long total, int page, int pageSize) {

    public Paged {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return (long) page * pageSize < total;
    }

    public <R> Paged<R> map(Function<? super T, ? extends R> mapper) {
        return new Paged<>(items.stream().<R>map(mapper).toList(), total, page, pageSize);
    }
}
