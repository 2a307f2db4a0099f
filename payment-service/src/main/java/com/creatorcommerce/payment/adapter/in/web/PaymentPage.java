package com.creatorcommerce.payment.adapter.in.web;

import java.util.List;

/** A page as in CONVENTIONS.md: {@code {items, total, page, page_size, has_more}} (page numbers start at 1). */
record PaymentPage(List<PaymentResponse> items, long total, int page, int pageSize, boolean hasMore) {}
