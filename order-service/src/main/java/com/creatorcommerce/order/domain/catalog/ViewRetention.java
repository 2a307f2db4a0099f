package com.creatorcommerce.order.domain.catalog;

import java.time.LocalDate;

/**
 * How long per-day view counters are kept: {@code days} whole UTC days, well beyond the {@link PopularityWindow}
 * (older counters can never count again and are purged).
 */
public record ViewRetention(int days) {

    public ViewRetention {
        if (days < 1) {
            throw new IllegalArgumentException("view counters are kept at least one day: " + days);
        }
    }

    /** A retention that keeps every day the popularity window may look at. */
    public static ViewRetention beyond(PopularityWindow window, int days) {
        if (days <= window.days()) {
            throw new IllegalArgumentException("the view retention (" + days + " days) must exceed the popularity "
                    + "window (" + window.days() + " days)");
        }
        return new ViewRetention(days);
    }

    /** The first day whose counters are kept when today (UTC) is {@code today}. */
    public LocalDate keepFrom(LocalDate today) {
        return today.minusDays(days);
    }
}
