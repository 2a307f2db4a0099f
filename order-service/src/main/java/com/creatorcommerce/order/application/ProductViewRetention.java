package com.creatorcommerce.order.application;

import com.creatorcommerce.order.application.port.ViewStore;
import com.creatorcommerce.order.domain.catalog.ViewRetention;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the per-day view counters bounded: rows older than the retention (well beyond the popularity window) are
 * deleted. Idempotent, so every instance may run it (a schedule in {@code adapter.in.scheduling} does).
 */
@Service
public class ProductViewRetention {

    private static final Logger log = LoggerFactory.getLogger(ProductViewRetention.class);

    private final ViewStore views;
    private final ViewRetention retention;
    private final Clock clock;

    public ProductViewRetention(ViewStore views, ViewRetention retention, Clock clock) {
        this.views = views;
        this.retention = retention;
        this.clock = clock;
    }

    /** Deletes the per-day counters older than the retention; answers how many rows went. */
    public int purge() {
        LocalDate keepFrom = retention.keepFrom(LocalDate.now(clock));
        int purged = views.purgeBefore(keepFrom);
        if (purged > 0) {
            log.info("Purged {} per-day product view counters before {}", purged, keepFrom);
        }
        return purged;
    }
}
