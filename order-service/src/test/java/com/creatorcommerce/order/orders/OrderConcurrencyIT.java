package com.creatorcommerce.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.order.support.OrderTestBase;
import com.creatorcommerce.order.support.Participants.Command;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Stock is reserved in the order's own transaction: concurrent orders never oversell. */
class OrderConcurrencyIT extends OrderTestBase {

    private static final int ORDERS = 200;
    private static final int UNITS = 50;

    @Test
    void twoHundredConcurrentOrdersForFiftyUnitsReserveExactlyFiftyAndStockEndsAtZero() throws Exception {
        Created limited = createProduct("Limited drop", 10_000, OptionSpec.of("One", 0, UNITS));
        long option = limited.option(0);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            users.add(newUser());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (User user : users) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return placeOrder(user, items(option, 1));
                }));
            }
            start.countDown();
        }

        List<JsonNode> orders = new ArrayList<>();
        for (Future<HttpResponse<String>> response : responses) {
            assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(202);
            orders.add(json(response.get()));
        }
        Map<String, Long> byStatus = orders.stream()
                .collect(Collectors.groupingBy(
                        o -> o.path("status").asString() + " "
                                + o.path("failure_code").asString(""),
                        Collectors.counting()));
        assertThat(byStatus)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "PENDING ", (long) UNITS,
                        "CANCELLED OUT_OF_STOCK", (long) (ORDERS - UNITS)));
        assertThat(stockOf(option)).isZero();
        assertThat(count(
                        "SELECT COALESCE(SUM(i.quantity), 0) FROM stock_reservation_items i JOIN stock_reservations r "
                                + "ON r.stock_reservation_id = i.stock_reservation_id WHERE r.status = 'RESERVED' "
                                + "AND i.product_option_id = ?",
                        option))
                .isEqualTo(UNITS);
        assertThat(count(
                        "SELECT COUNT(*) FROM stock_reservations r JOIN order_items o ON o.order_id = r.order_id "
                                + "WHERE r.status = 'REJECTED' AND o.product_option_id = ?",
                        option))
                .isEqualTo(ORDERS - UNITS);
        assertStockLedger(option);

        // the fifty are paid and complete; their stock stays taken
        Map<Long, User> owners = users.stream().collect(Collectors.toMap(User::id, Function.identity()));
        for (JsonNode order : orders) {
            if ("PENDING".equals(order.path("status").asString())) {
                long orderId = Long.parseLong(order.path("id").asString());
                Command use = participants.await(PointTopics.USE, orderId);
                long userId = Long.parseLong(order.path("user_id").asString());
                participants.reply(use, PointTopics.USED, new PointsUsed(orderId, userId, 10_000, 0, 1));
            }
        }
        for (JsonNode order : orders) {
            if ("PENDING".equals(order.path("status").asString())) {
                long orderId = Long.parseLong(order.path("id").asString());
                awaitStatus(owners.get(Long.parseLong(order.path("user_id").asString())), orderId, "COMPLETED");
            }
        }
        assertThat(stockOf(option)).isZero();
        assertStockLedger(option);
    }

    /** stock = Σ adjustments − Σ items of RESERVED reservations (ADR 6), and never below zero. */
    private void assertStockLedger(long option) {
        long adjustments =
                count("SELECT COALESCE(SUM(delta), 0) FROM stock_adjustments WHERE product_option_id = ?", option);
        long reserved = count(
                "SELECT COALESCE(SUM(i.quantity), 0) FROM stock_reservation_items i "
                        + "JOIN stock_reservations r ON r.stock_reservation_id = i.stock_reservation_id "
                        + "WHERE r.status = 'RESERVED' AND i.product_option_id = ?",
                option);
        assertThat(stockOf(option)).isEqualTo(adjustments - reserved).isGreaterThanOrEqualTo(0);
    }
}
