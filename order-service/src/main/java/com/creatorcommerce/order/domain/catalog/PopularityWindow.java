package com.creatorcommerce.order.domain.catalog;

import java.time.LocalDate;

/**
 * "Most viewed in the last N days", counted in whole UTC days: today and the N-1 days before it. With N = 3 a view
 * from the day before yesterday counts, one from three days ago does not (the window covers between 48 and 72 hours
 * of views, depending on the time of day).
 */
public record PopularityWindow(int days) {

    public PopularityWindow {
        if (days < 1 || days > 90) {
            throw new IllegalArgumentException("the popularity window is 1..90 days: " + days);
        }
    }

    /** The first day that counts when today (UTC) is {@code today}. */
    public LocalDate firstDay(LocalDate today) {
        return today.minusDays(days - 1L);
    }
}
