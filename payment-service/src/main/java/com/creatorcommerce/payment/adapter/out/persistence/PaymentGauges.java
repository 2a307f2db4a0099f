package com.creatorcommerce.payment.adapter.out.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges of what the reconciliation job has to settle, counted in the database at each scrape:
 * {@code payment.pending}, {@code payment.cancellations.requested} and {@code payment.attention} (rows flagged for ops
 * after the attempt cap and still unresolved). NaN while the database cannot be read.
 */
@Component
class PaymentGauges {

    PaymentGauges(MeterRegistry meters, JdbcTemplate jdbc) {
        Gauge.builder(
                        "payment.pending",
                        () -> count(jdbc, "SELECT COUNT(*) FROM payments WHERE payment_status = 'PENDING'"))
                .description("Payments without a known PG outcome")
                .register(meters);
        Gauge.builder(
                        "payment.cancellations.requested",
                        () -> count(jdbc, "SELECT COUNT(*) FROM payment_cancellations WHERE status = 'REQUESTED'"))
                .description("Cancellations without a known PG outcome")
                .register(meters);
        Gauge.builder(
                        "payment.attention",
                        () -> count(
                                jdbc,
                                "SELECT (SELECT COUNT(*) FROM payments WHERE attention_at IS NOT NULL AND next_check_at IS NOT "
                                        + "NULL) + (SELECT COUNT(*) FROM payment_cancellations WHERE attention_at IS NOT NULL "
                                        + "AND next_check_at IS NOT NULL)"))
                .description("Payments and cancellations flagged for ops (attempt cap reached) and still unresolved")
                .register(meters);
    }

    private static double count(JdbcTemplate jdbc, String sql) {
        try {
            Long n = jdbc.queryForObject(sql, Long.class);
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
