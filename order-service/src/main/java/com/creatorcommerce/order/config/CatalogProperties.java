package com.creatorcommerce.order.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code order.catalog.*}.
 *
 * @param popularWindowDays "popular" = most detail views in this many UTC days, today included (default 3)
 * @param popularMaxLimit most products one popular request may ask for (default 50)
 * @param viewRetentionDays per-day view counters older than this are purged (default 35; must exceed the window)
 * <p>The purge runs on {@code order.catalog.view-purge-cron} (default hourly; {@code -} disables it).
 */
@ConfigurationProperties("order.catalog")
public record CatalogProperties(Integer popularWindowDays, Integer popularMaxLimit, Integer viewRetentionDays) {

    public CatalogProperties {
        popularWindowDays = popularWindowDays == null ? 3 : popularWindowDays;
        popularMaxLimit = popularMaxLimit == null ? 50 : popularMaxLimit;
        viewRetentionDays = viewRetentionDays == null ? 35 : viewRetentionDays;
        if (viewRetentionDays <= popularWindowDays) {
            throw new IllegalArgumentException("order.catalog.view-retention-days must exceed the popular window");
        }
        if (popularMaxLimit < 1) {
            throw new IllegalArgumentException("order.catalog.popular-max-limit must be positive");
        }
    }
}
