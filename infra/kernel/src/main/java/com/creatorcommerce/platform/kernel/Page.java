package com.creatorcommerce.platform.kernel;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, the one paging type of every service's application layer; pages are numbered from 1. A web
 * adapter turns it into {@code PageResponse} (or into a seed's own list shape).
 *
 * @param items the rows of this page
 * @param total the rows of the whole listing
 * @param page this page's number, from 1
 * @param pageSize the rows a full page holds
 * @param <T> row type
 */
public record Page<T>(List<T> items, long total, int page, int pageSize) {

    public Page {
        if (page < 1 || pageSize < 1 || total < 0) {
            throw new IllegalArgumentException(
                    "page and page size from 1, total from 0: page=" + page + " size=" + pageSize + " total=" + total);
        }
        items = List.copyOf(items);
    }

    /** Whether a later page holds rows. */
    public boolean hasMore() {
        return (long) page * pageSize < total;
    }

    /** The row offset of page {@code page} (from 1) of {@code pageSize} rows. */
    public static long offset(int page, int pageSize) {
        return (long) (page - 1) * pageSize;
    }

    /** The same page with each row mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, page, pageSize);
    }
}
