package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.platform.kernel.Page;
import com.creatorcommerce.platform.web.PageResponse;
import java.util.function.Function;

/** The application's {@link Page} as the one paged JSON shape {@code {items, total, page, page_size, has_more}}. */
final class PageResponses {

    private PageResponses() {}

    static <T, R> PageResponse<R> of(Page<T> page, Function<? super T, ? extends R> item) {
        return PageResponse.of(page.items().stream().<R>map(item).toList(), page.total(), page.page(), page.pageSize());
    }
}
