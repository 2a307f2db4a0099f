package com.creatorcommerce.order.application;

import com.creatorcommerce.order.application.port.ViewStore;
import com.creatorcommerce.order.config.CatalogProperties;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the per-day view counters bounded: rows older than the retention (well beyond the popularity window) are
 * deleted. Idempotent, so every instance may run it.
 */
@Component
public class ProductViewRetention {

    private static final Logger log = LoggerFactory.getLogger(ProductViewRetention.class);

    private final ViewStore views;
    private final CatalogProperties properties;
    private final Clock clock;

    public ProductViewRetention(ViewStore views, CatalogProperties properties, Clock clock) {
        this.views = views;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${order.catalog.view-purge-cron:0 17 * * * *}", zone = "UTC")
    public void purgeScheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Purging old product views failed; the next run retries", e);
        }
    }

    /** Deletes the per-day counters older than the retention; answers how many rows went. */
    public int purge() {
        LocalDate keepFrom = LocalDate.now(clock).minusDays(properties.viewRetentionDays());
        int purged = views.purgeBefore(keepFrom);
        if (purged > 0) {
            log.info("Purged {} per-day product view counters before {}", purged, keepFrom);
        }
        return purged;
    }
}
