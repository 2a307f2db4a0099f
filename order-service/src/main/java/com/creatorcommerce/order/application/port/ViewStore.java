package com.creatorcommerce.order.application.port;

import com.creatorcommerce.order.domain.catalog.PopularProduct;
import java.time.LocalDate;
import java.util.List;

/** Detail views: the all-time counter on the product and a counter per product and UTC day. */
public interface ViewStore {

    /** Adds one to the product's all-time view count if the product is on sale; false otherwise. */
    boolean countView(long productId);

    /** Adds one to the product's views of that day (creating the day's row on the first view). */
    void countDailyView(long productId, LocalDate day);

    /** Active products by views since {@code firstDay} (inclusive), most viewed first. */
    List<PopularProduct> mostViewedSince(LocalDate firstDay, int limit);

    /** Deletes the per-day counters before {@code day}; answers how many rows went. */
    int purgeBefore(LocalDate day);
}
