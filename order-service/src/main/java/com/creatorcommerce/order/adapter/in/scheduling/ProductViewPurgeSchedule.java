package com.creatorcommerce.order.adapter.in.scheduling;

import com.creatorcommerce.order.application.ProductViewRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Purges old per-day view counters on {@code order.catalog.view-purge-cron} (UTC; {@code -} disables it). */
@Component
class ProductViewPurgeSchedule {

    private static final Logger log = LoggerFactory.getLogger(ProductViewPurgeSchedule.class);

    private final ProductViewRetention retention;

    ProductViewPurgeSchedule(ProductViewRetention retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${order.catalog.view-purge-cron:0 17 * * * *}", zone = "UTC")
    void purge() {
        try {
            retention.purge();
        } catch (RuntimeException e) {
            log.warn("Purging old product views failed; the next run retries", e);
        }
    }
}
