package com.creatorcommerce.payment.adapter.in.web;

import com.creatorcommerce.platform.kernel.Page;
import java.util.List;

/**
 * A page as in CONVENTIONS.md: {@code {items, total, page, page_size, has_more}} (page numbers start at 1). The same
 * JSON as the platform's {@code PageResponse}, kept as its own record for its name in the API document
 * ({@code PaymentPage}), which the generated clients' model is named after.
 */
record PaymentPage(List<PaymentResponse> items, long total, int page, int pageSize, boolean hasMore) {

    static PaymentPage of(Page<PaymentResponse> page) {
        return new PaymentPage(page.items(), page.total(), page.page(), page.pageSize(), page.hasMore());
    }
}
