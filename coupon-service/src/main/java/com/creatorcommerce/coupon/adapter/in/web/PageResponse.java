package com.creatorcommerce.coupon.adapter.in.web;

import com.creatorcommerce.coupon.application.port.Paged;
import java.util.List;
import java.util.function.Function;

/** {@code {items, total, page, page_size, has_more}}. */
record PageResponse<T>(List<T> items, long total, int page, int pageSize, boolean hasMore) {

    static <S, T> PageResponse<T> of(Paged<S> page, Function<? super S, ? extends T> mapper) {
        return new PageResponse<>(
                page.items().stream().<T>map(mapper).toList(),
                page.total(),
                page.page(),
                page.pageSize(),
                page.hasMore());
    }
}
