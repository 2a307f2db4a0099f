package com.creatorcommerce.order.application.port;

import com.creatorcommerce.order.domain.stock.OptionStock;
import com.creatorcommerce.order.domain.stock.ReservationLine;
import com.creatorcommerce.order.domain.stock.ReservationStatus;
import com.creatorcommerce.order.domain.stock.StockReservation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stock rows and the per-order reservation records. */
public interface StockStore {

    enum Lock {
        /** A consistent (snapshot) read. */
        NONE,
        /** A shared locking read: sees the latest committed row. */
        SHARED,
        /** An exclusive locking read: sees the latest committed row and holds it until the end of the transaction. */
        EXCLUSIVE
    }

    Optional<StockReservation> findReservation(long orderId, Lock lock);

    /**
     * Locks these options' rows exclusively in ascending id order (the same order for every caller, so no
     * deadlocks between reservations) and reads their stock and whether they and their products are on sale.
     * Unknown ids are absent from the map.
     */
    Map<Long, OptionStock> lockOptions(List<Long> ascendingOptionIds);

    /** Records the order's decision; false when the order already has one (also from a concurrent call). */
    boolean insertReservation(
            long reservationId,
            long orderId,
            ReservationStatus status,
            String reasonCode,
            String reasonDetail,
            Instant now);

    void insertItem(long itemId, long reservationId, long orderId, ReservationLine line, Instant now);

    /**
     * {@code stock_quantity = stock_quantity - quantity} only where at least that many are in stock; false (and no
     * change) otherwise. Stock never goes below zero.
     */
    boolean take(long productOptionId, int quantity);

    void giveBack(long productOptionId, int quantity);

    /** RESERVED to RELEASED; false when the reservation was not RESERVED (so only one caller ever wins). */
    boolean markReleased(long orderId, Instant now);
}
