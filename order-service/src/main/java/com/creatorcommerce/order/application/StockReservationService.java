package com.creatorcommerce.order.application;

import com.creatorcommerce.order.application.port.StockStore;
import com.creatorcommerce.order.application.port.StockStore.Lock;
import com.creatorcommerce.order.domain.stock.OptionStock;
import com.creatorcommerce.order.domain.stock.Rejection;
import com.creatorcommerce.order.domain.stock.ReleaseResult;
import com.creatorcommerce.order.domain.stock.ReservationLine;
import com.creatorcommerce.order.domain.stock.ReservationLines;
import com.creatorcommerce.order.domain.stock.ReservationResult;
import com.creatorcommerce.order.domain.stock.ReservationStatus;
import com.creatorcommerce.order.domain.stock.StockCheck;
import com.creatorcommerce.order.domain.stock.StockReservation;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock for orders, as the order saga will use it: reserve the lines of an order (all or nothing) and release them
 * (compensation, cancellation). Both are idempotent per order id: one row in {@code stock_reservations} per order
 * records the decision (RESERVED, REJECTED, RELEASED) and a repeated call answers from it without changing stock.
 *
 * <p>Both run in the caller's transaction if there is one (e.g. the order's creation), else in their own. Reserve
 * locks the option rows in ascending id order, decides on what it sees under the locks, and takes stock with
 * conditional updates ({@code stock_quantity >= ?}), so stock never goes below zero and concurrent orders sharing
 * options never deadlock. Release flips RESERVED to RELEASED with a conditional update, so only one caller ever gives
 * the units back.
 */
@Service
public class StockReservationService {

    private static final Logger log = LoggerFactory.getLogger(StockReservationService.class);

    private final StockStore stock;
    private final IdGenerator ids;
    private final Clock clock;

    public StockReservationService(StockStore stock, IdGenerator ids, Clock clock) {
        this.stock = stock;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Reserves every line for the order, or nothing. A repeated call for the same order answers the recorded
     * decision ({@code replayed}); the same order with different lines is a caller bug and is refused.
     *
     * @throws IllegalArgumentException for an invalid order id or lines (empty, non-positive, too many)
     * @throws ReservationMismatchException when the order already reserved other lines
     */
    @Transactional
    public ReservationResult reserve(long orderId, Collection<ReservationLine> requested) {
        requireOrderId(orderId);
        ReservationLines lines = ReservationLines.of(requested);
        Optional<StockReservation> decided = stock.findReservation(orderId, Lock.NONE);
        if (decided.isPresent()) {
            return replay(decided.get(), lines);
        }
        Map<Long, OptionStock> options = stock.lockOptions(lines.optionIds());
        Optional<Rejection> rejection = StockCheck.check(lines, options);
        Instant now = now();
        long reservationId = ids.nextId();
        ReservationStatus status = rejection.isPresent() ? ReservationStatus.REJECTED : ReservationStatus.RESERVED;
        if (!stock.insertReservation(
                reservationId,
                orderId,
                status,
                rejection.map(Rejection::code).orElse(null),
                rejection.map(Rejection::detail).orElse(null),
                now)) {
            // a concurrent call for the same order decided first; nothing was taken here
            return replay(stock.findReservation(orderId, Lock.SHARED).orElseThrow(), lines);
        }
        if (rejection.isPresent()) {
            log.info(
                    "Stock reservation for order {} refused: {}",
                    orderId,
                    rejection.get().detail());
            return new ReservationResult(
                    orderId,
                    ReservationStatus.REJECTED,
                    false,
                    rejection.get().code(),
                    rejection.get().detail(),
                    lines.lines());
        }
        for (ReservationLine line : lines.lines()) {
            if (!stock.take(line.productOptionId(), line.quantity())) {
                // cannot happen under the row locks taken above; roll everything back rather than oversell
                throw new IllegalStateException("stock of option " + line.productOptionId()
                        + " changed under its lock while reserving for order " + orderId);
            }
            stock.insertItem(ids.nextId(), reservationId, orderId, line, now);
        }
        return new ReservationResult(orderId, ReservationStatus.RESERVED, false, null, null, lines.lines());
    }

    /**
     * Gives back what the order's reservation took, exactly once. Releasing an order that reserved nothing records
     * that it was released, so that a reserve arriving late (e.g. a redelivered command) is refused.
     */
    @Transactional
    public ReleaseResult release(long orderId) {
        requireOrderId(orderId);
        Instant now = now();
        if (stock.findReservation(orderId, Lock.NONE).isEmpty()
                && stock.insertReservation(
                        ids.nextId(),
                        orderId,
                        ReservationStatus.RELEASED,
                        Rejection.ALREADY_RELEASED,
                        "released before any reservation",
                        now)) {
            return new ReleaseResult(orderId, ReleaseResult.Outcome.NOTHING_RESERVED, List.of());
        }
        StockReservation reservation =
                stock.findReservation(orderId, Lock.EXCLUSIVE).orElseThrow();
        return switch (reservation.status()) {
            case REJECTED -> new ReleaseResult(orderId, ReleaseResult.Outcome.NOTHING_RESERVED, List.of());
            case RELEASED ->
                new ReleaseResult(
                        orderId,
                        reservation.items().isEmpty()
                                ? ReleaseResult.Outcome.NOTHING_RESERVED
                                : ReleaseResult.Outcome.ALREADY_RELEASED,
                        List.of());
            case RESERVED -> {
                if (!stock.markReleased(orderId, now)) {
                    throw new IllegalStateException("reservation of order " + orderId + " changed under its lock");
                }
                List<ReservationLine> items = reservation.items().stream()
                        .sorted(Comparator.comparingLong(ReservationLine::productOptionId))
                        .toList();
                items.forEach(item -> stock.giveBack(item.productOptionId(), item.quantity()));
                yield new ReleaseResult(orderId, ReleaseResult.Outcome.RELEASED, items);
            }
        };
    }

    private static ReservationResult replay(StockReservation decided, ReservationLines lines) {
        return switch (decided.status()) {
            case RESERVED -> {
                if (!decided.tookExactly(lines)) {
                    throw new ReservationMismatchException(decided.orderId());
                }
                yield new ReservationResult(
                        decided.orderId(), ReservationStatus.RESERVED, true, null, null, lines.lines());
            }
            case REJECTED ->
                new ReservationResult(
                        decided.orderId(),
                        ReservationStatus.REJECTED,
                        true,
                        decided.reasonCode(),
                        decided.reasonDetail(),
                        lines.lines());
            // the order is over (released after reserving, or before): nothing may be taken for it any more
            case RELEASED ->
                new ReservationResult(
                        decided.orderId(),
                        ReservationStatus.RELEASED,
                        true,
                        Rejection.ALREADY_RELEASED,
                        "the order's stock was already released",
                        lines.lines());
        };
    }

    private static void requireOrderId(long orderId) {
        if (orderId <= 0) {
            throw new IllegalArgumentException("order id must be positive: " + orderId);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The order already holds a reservation of other lines: reservations are never changed in place. */
    public static class ReservationMismatchException extends IllegalStateException {

        public ReservationMismatchException(long orderId) {
            super("order " + orderId + " already reserved different lines");
        }
    }
}
