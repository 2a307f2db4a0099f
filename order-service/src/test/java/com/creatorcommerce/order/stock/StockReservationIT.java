package com.creatorcommerce.order.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.order.application.StockReservationService;
import com.creatorcommerce.order.application.StockReservationService.ReservationMismatchException;
import com.creatorcommerce.order.domain.stock.Rejection;
import com.creatorcommerce.order.domain.stock.ReleaseResult;
import com.creatorcommerce.order.domain.stock.ReservationLine;
import com.creatorcommerce.order.domain.stock.ReservationResult;
import com.creatorcommerce.order.domain.stock.ReservationStatus;
import com.creatorcommerce.order.support.ApiTestBase;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The stock operations the order saga will call, against the real database and under real concurrency. */
class StockReservationIT extends ApiTestBase {

    @Autowired
    StockReservationService stock;

    @Autowired
    IdGenerator ids;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void twoHundredBuyersForFiftyUnitsReserveExactlyFifty() throws Exception {
        long option = createProduct("Limited drop", 99_000, OptionSpec.of("One size", 0, 50))
                .option(0);
        int buyers = 200;
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger lowestSeen = new AtomicInteger(Integer.MAX_VALUE);
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                lowestSeen.accumulateAndGet(stockOf(option), Math::min);
            }
        });
        List<Future<ReservationResult>> results = new ArrayList<>();
        List<Long> orders = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < buyers; i++) {
                long orderId = ids.nextId();
                orders.add(orderId);
                results.add(pool.submit(() -> {
                    start.await();
                    return stock.reserve(orderId, List.of(new ReservationLine(option, 1)));
                }));
            }
            start.countDown();
            int reserved = 0;
            int rejected = 0;
            for (Future<ReservationResult> result : results) {
                ReservationResult r = result.get();
                assertThat(r.replayed()).isFalse();
                if (r.reserved()) {
                    reserved++;
                } else {
                    assertThat(r.status()).isEqualTo(ReservationStatus.REJECTED);
                    assertThat(r.reasonCode()).isEqualTo(Rejection.INSUFFICIENT_STOCK);
                    rejected++;
                }
            }
            assertThat(reserved).isEqualTo(50);
            assertThat(rejected).isEqualTo(150);
        } finally {
            running.set(false);
            watcher.join();
        }
        assertThat(stockOf(option)).isZero();
        assertThat(lowestSeen.get()).as("stock observed during the run").isGreaterThanOrEqualTo(0);
        assertThat(count(
                        "SELECT COUNT(*) FROM stock_reservations WHERE status = 'RESERVED' AND order_id IN ("
                                + placeholders(orders) + ")",
                        orders.toArray()))
                .isEqualTo(50);
        assertThat(count(
                        "SELECT COALESCE(SUM(quantity), 0) FROM stock_reservation_items WHERE product_option_id = ?",
                        option))
                .isEqualTo(50);
        assertLedgerBalances(option);
    }

    @Test
    void releaseGivesTheUnitsBackExactlyOnceEvenWhenRepeatedConcurrently() throws Exception {
        long option =
                createProduct("Returnable", 10_000, OptionSpec.of("A", 0, 10)).option(0);
        long order = ids.nextId();
        assertThat(stock.reserve(order, List.of(new ReservationLine(option, 3))).reserved())
                .isTrue();
        assertThat(stockOf(option)).isEqualTo(7);

        ReleaseResult first = stock.release(order);
        ReleaseResult second = stock.release(order);
        assertThat(first.outcome()).isEqualTo(ReleaseResult.Outcome.RELEASED);
        assertThat(first.restored()).containsExactly(new ReservationLine(option, 3));
        assertThat(second.outcome()).isEqualTo(ReleaseResult.Outcome.ALREADY_RELEASED);
        assertThat(second.restored()).isEmpty();
        assertThat(stockOf(option)).isEqualTo(10);

        long concurrentOrder = ids.nextId();
        stock.reserve(concurrentOrder, List.of(new ReservationLine(option, 4)));
        assertThat(stockOf(option)).isEqualTo(6);
        List<ReleaseResult.Outcome> outcomes =
                runConcurrently(12, () -> stock.release(concurrentOrder).outcome());
        assertThat(outcomes)
                .filteredOn(o -> o == ReleaseResult.Outcome.RELEASED)
                .hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o == ReleaseResult.Outcome.ALREADY_RELEASED)
                .hasSize(11);
        assertThat(stockOf(option)).isEqualTo(10);
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM stock_reservations WHERE order_id = ?", String.class, concurrentOrder))
                .isEqualTo("RELEASED");
        assertLedgerBalances(option);
    }

    @Test
    void aMultiLineReservationWithOneShortLineTakesNothing() {
        Created product = createProduct(
                "Set",
                10_000,
                OptionSpec.of("Plenty", 0, 10),
                OptionSpec.of("Scarce", 0, 1),
                OptionSpec.of("Also plenty", 0, 10));
        long order = ids.nextId();

        ReservationResult result = stock.reserve(
                order,
                List.of(
                        new ReservationLine(product.option(0), 2),
                        new ReservationLine(product.option(1), 2),
                        new ReservationLine(product.option(2), 2)));

        assertThat(result.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(result.reasonCode()).isEqualTo(Rejection.INSUFFICIENT_STOCK);
        assertThat(result.reasonDetail()).contains(Long.toString(product.option(1)));
        assertThat(stockOf(product.option(0))).isEqualTo(10);
        assertThat(stockOf(product.option(1))).isEqualTo(1);
        assertThat(stockOf(product.option(2))).isEqualTo(10);
        assertThat(count("SELECT COUNT(*) FROM stock_reservation_items WHERE order_id = ?", order))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM stock_reservations WHERE order_id = ?", String.class, order))
                .isEqualTo("REJECTED");
        // the decision stands for the order, even once stock is back
        jdbc.update("UPDATE product_options SET stock_quantity = 10 WHERE product_option_id = ?", product.option(1));
        ReservationResult again = stock.reserve(
                order,
                List.of(
                        new ReservationLine(product.option(0), 2),
                        new ReservationLine(product.option(1), 2),
                        new ReservationLine(product.option(2), 2)));
        assertThat(again.replayed()).isTrue();
        assertThat(again.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(stockOf(product.option(0))).isEqualTo(10);
        // releasing a refused reservation gives nothing back
        assertThat(stock.release(order).outcome()).isEqualTo(ReleaseResult.Outcome.NOTHING_RESERVED);
        assertThat(stockOf(product.option(1))).isEqualTo(10);
    }

    @Test
    void aRepeatedReserveForTheSameOrderTakesStockOnce() throws Exception {
        Created product = createProduct("Twice", 10_000, OptionSpec.of("A", 0, 10), OptionSpec.of("B", 0, 10));
        long order = ids.nextId();
        // duplicate lines of one option are merged; the line order does not matter
        List<ReservationLine> lines = List.of(
                new ReservationLine(product.option(1), 1),
                new ReservationLine(product.option(0), 2),
                new ReservationLine(product.option(1), 1));

        List<ReservationResult> results = runConcurrently(8, () -> stock.reserve(order, lines));

        assertThat(results).allMatch(ReservationResult::reserved);
        assertThat(results).filteredOn(r -> !r.replayed()).hasSize(1);
        assertThat(results.get(0).lines())
                .containsExactly(new ReservationLine(product.option(0), 2), new ReservationLine(product.option(1), 2));
        assertThat(stockOf(product.option(0))).isEqualTo(8);
        assertThat(stockOf(product.option(1))).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM stock_reservation_items WHERE order_id = ?", order))
                .isEqualTo(2);

        assertThatThrownBy(() -> stock.reserve(order, List.of(new ReservationLine(product.option(0), 5))))
                .isInstanceOf(ReservationMismatchException.class);
        assertThat(stockOf(product.option(0))).isEqualTo(8);
        assertLedgerBalances(product.option(0));
        assertLedgerBalances(product.option(1));
    }

    @Test
    void aReleaseArrivingBeforeTheReserveMakesTheLateReserveTakeNothing() {
        long option = createProduct("Late", 10_000, OptionSpec.of("A", 0, 5)).option(0);
        long order = ids.nextId();

        ReleaseResult release = stock.release(order);
        ReservationResult late = stock.reserve(order, List.of(new ReservationLine(option, 2)));

        assertThat(release.outcome()).isEqualTo(ReleaseResult.Outcome.NOTHING_RESERVED);
        assertThat(late.reserved()).isFalse();
        assertThat(late.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(late.reasonCode()).isEqualTo(Rejection.ALREADY_RELEASED);
        assertThat(stockOf(option)).isEqualTo(5);
        assertThat(stock.release(order).outcome()).isEqualTo(ReleaseResult.Outcome.NOTHING_RESERVED);
        assertThat(stockOf(option)).isEqualTo(5);
    }

    @Test
    void refusesUnknownAndUnavailableOptions() {
        Created product = createProduct(
                "Partly off", 10_000, OptionSpec.of("On", 0, 5), new OptionSpec("Off", newSku("OFF"), 0, 5, false));
        Created offProduct = createProduct("All off", 10_000, false, OptionSpec.of("A", 0, 5));

        ReservationResult unknown = stock.reserve(
                ids.nextId(),
                List.of(new ReservationLine(product.option(0), 1), new ReservationLine(Long.MAX_VALUE - 7, 1)));
        ReservationResult inactiveOption = stock.reserve(
                ids.nextId(),
                List.of(new ReservationLine(product.option(0), 1), new ReservationLine(product.option(1), 1)));
        ReservationResult inactiveProduct =
                stock.reserve(ids.nextId(), List.of(new ReservationLine(offProduct.option(0), 1)));

        assertThat(unknown.reasonCode()).isEqualTo(Rejection.OPTION_NOT_FOUND);
        assertThat(inactiveOption.reasonCode()).isEqualTo(Rejection.OPTION_UNAVAILABLE);
        assertThat(inactiveProduct.reasonCode()).isEqualTo(Rejection.OPTION_UNAVAILABLE);
        assertThat(List.of(unknown, inactiveOption, inactiveProduct)).noneMatch(ReservationResult::reserved);
        assertThat(stockOf(product.option(0))).isEqualTo(5);
        assertThat(stockOf(product.option(1))).isEqualTo(5);
        assertThat(stockOf(offProduct.option(0))).isEqualTo(5);
    }

    @Test
    void refusesInvalidRequestsWithoutRecordingAnything() {
        long option =
                createProduct("Strict stock", 10_000, OptionSpec.of("A", 0, 5)).option(0);
        long order = ids.nextId();

        assertThatThrownBy(() -> stock.reserve(order, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stock.reserve(order, List.of(new ReservationLine(option, 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stock.reserve(order, List.of(new ReservationLine(option, -1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stock.reserve(order, List.of(new ReservationLine(option, 10_001))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stock.reserve(0, List.of(new ReservationLine(option, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stock.release(-3)).isInstanceOf(IllegalArgumentException.class);

        assertThat(count("SELECT COUNT(*) FROM stock_reservations WHERE order_id = ?", order))
                .isZero();
        assertThat(stockOf(option)).isEqualTo(5);
    }

    @Test
    void aReservationInsideTheCallersTransactionDisappearsWithItsRollback() {
        long option =
                createProduct("Atomic order", 10_000, OptionSpec.of("A", 0, 5)).option(0);
        long order = ids.nextId();

        transactions.executeWithoutResult(status -> {
            assertThat(stock.reserve(order, List.of(new ReservationLine(option, 2)))
                            .reserved())
                    .isTrue();
            status.setRollbackOnly(); // e.g. the order row could not be written
        });

        assertThat(stockOf(option)).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM stock_reservations WHERE order_id = ?", order))
                .isZero();
        assertThat(stock.reserve(order, List.of(new ReservationLine(option, 2))).replayed())
                .isFalse();
        assertThat(stockOf(option)).isEqualTo(3);
    }

    @Test
    void concurrentMultiLineOrdersOverSharedOptionsNeitherDeadlockNorOversell() throws Exception {
        Created product = createProduct(
                "Bundle", 10_000, OptionSpec.of("A", 0, 30), OptionSpec.of("B", 0, 30), OptionSpec.of("C", 0, 30));
        List<Long> options = product.optionIds();
        int orders = 60;
        Map<Long, List<ReservationLine>> requested = new ConcurrentHashMap<>();
        for (int i = 0; i < orders; i++) {
            List<Long> shuffled = new ArrayList<>(options);
            Collections.shuffle(shuffled);
            requested.put(
                    ids.nextId(),
                    List.of(new ReservationLine(shuffled.get(0), 1 + i % 2), new ReservationLine(shuffled.get(1), 1)));
        }
        List<Long> orderIds = new ArrayList<>(requested.keySet());

        List<ReservationResult> results = runConcurrently(orderIds.size(), index -> {
            long orderId = orderIds.get(index);
            return stock.reserve(orderId, requested.get(orderId));
        });

        assertThat(results).filteredOn(ReservationResult::reserved).isNotEmpty();
        for (long option : options) {
            long reserved = results.stream()
                    .filter(ReservationResult::reserved)
                    .flatMap(r -> r.lines().stream())
                    .filter(l -> l.productOptionId() == option)
                    .mapToLong(ReservationLine::quantity)
                    .sum();
            assertThat(stockOf(option)).isEqualTo(30 - reserved).isGreaterThanOrEqualTo(0);
            assertLedgerBalances(option);
        }
        // every refusal was a real shortage of one of its lines at that moment, never a lock error
        assertThat(results)
                .filteredOn(r -> !r.reserved())
                .allMatch(r -> Rejection.INSUFFICIENT_STOCK.equals(r.reasonCode()));

        List<ReleaseResult> released = runConcurrently(orderIds.size(), index -> stock.release(orderIds.get(index)));
        assertThat(released)
                .filteredOn(r -> r.outcome() == ReleaseResult.Outcome.RELEASED)
                .hasSize((int)
                        results.stream().filter(ReservationResult::reserved).count());
        for (long option : options) {
            assertThat(stockOf(option)).as("all stock back").isEqualTo(30);
            assertLedgerBalances(option);
        }
    }

    /**
     * The stock of an option is fully explained by its ledger: adjustments (initial stock included) minus what
     * RESERVED reservations hold.
     */
    private void assertLedgerBalances(long option) {
        long adjustments =
                count("SELECT COALESCE(SUM(delta), 0) FROM stock_adjustments WHERE product_option_id = ?", option);
        long held = count(
                "SELECT COALESCE(SUM(i.quantity), 0) FROM stock_reservation_items i "
                        + "JOIN stock_reservations r ON r.stock_reservation_id = i.stock_reservation_id "
                        + "WHERE i.product_option_id = ? AND r.status = 'RESERVED'",
                option);
        assertThat(stockOf(option))
                .as("stock of option %d = adjustments - held", option)
                .isEqualTo(adjustments - held);
    }

    private static String placeholders(List<?> values) {
        return String.join(",", Collections.nCopies(values.size(), "?"));
    }

    private static <T> List<T> runConcurrently(int calls, Callable<T> call) throws Exception {
        return runConcurrently(calls, index -> call.call());
    }

    private interface IndexedCall<T> {
        T call(int index) throws Exception;
    }

    private static <T> List<T> runConcurrently(int calls, IndexedCall<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(calls, 16))) {
            for (int i = 0; i < calls; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    if (ThreadLocalRandom.current().nextBoolean()) {
                        Thread.yield();
                    }
                    return call.call(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
