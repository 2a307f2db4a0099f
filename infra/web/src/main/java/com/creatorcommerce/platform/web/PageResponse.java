package com.creatorcommerce.platform.web;

import com.creatorcommerce.platform.kernel.Page;
import java.util.List;
import java.util.function.Function;

/**
 * The one paged response shape: {@code {items, total, page, page_size, has_more}}, pages counted from 1.
 *
 * @param <T> item type
 */
public record PageResponse<T>(List<T> items, long total, int page, int pageSize, boolean hasMore) {

    public PageResponse {
        items = List.copyOf(items);
    }

    /** A page of {@code items} out of {@code total}, for page {@code page} (from 1) of {@code pageSize}. */
    public static <T> PageResponse<T> of(List<T> items, long total, int page, int pageSize) {
        return new PageResponse<>(items, total, page, pageSize, (long) page * pageSize < total);
    }

    /** The wire shape of an application's {@link Page}. */
    public static <T> PageResponse<T> of(Page<T> page) {
        return of(page.items(), page.total(), page.page(), page.pageSize());
    }

    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResponse<>(items.stream().<R>map(mapper).toList(), total, page, pageSize, hasMore);
    }

    /** The row offset of page {@code page} (from 1). */
    public static int offset(int page, int pageSize) {
        return Math.multiplyExact(page - 1, pageSize);
    }
}
