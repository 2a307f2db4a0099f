package com.creatorcommerce.platform.saga.it;

import com.creatorcommerce.platform.saga.SagaCommand;
import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.StepOutcome;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo saga: debit an account (local), reserve a seat (remote, idempotent: retryable), charge a card (remote,
 * not retryable); compensations restore the account, release the seat, refund the card. The outcome is written by
 * the end hooks. Variants differ only in their deadlines, so that tests can make either remote step time out.
 */
final class DemoSaga {

    static final String SEAT_COMMANDS = "demo.seat.commands";
    static final String SEAT_REPLIES = "demo.seat.replies";
    static final String CARD_COMMANDS = "demo.card.commands";
    static final String CARD_REPLIES = "demo.card.replies";

    static final String RESERVE_SEAT = "demo.reserve-seat.v1";
    static final String SEAT_RESERVED = "demo.seat-reserved.v1";
    static final String SEAT_REFUSED = "demo.seat-refused.v1";
    static final String RELEASE_SEAT = "demo.release-seat.v1";
    static final String SEAT_RELEASED = "demo.seat-released.v1";
    static final String CHARGE_CARD = "demo.charge-card.v1";
    static final String CARD_CHARGED = "demo.card-charged.v1";
    static final String CARD_DECLINED = "demo.card-declined.v1";
    static final String REFUND_CARD = "demo.refund-card.v1";
    static final String CARD_REFUNDED = "demo.card-refunded.v1";

    /** The saga's data; {@code scenario} tells the fake participants how to behave. */
    record Transfer(long transferId, long accountId, long amount, String scenario, String seat, String chargeId) {
        Transfer withSeat(String s) {
            return new Transfer(transferId, accountId, amount, scenario, s, chargeId);
        }

        Transfer withChargeId(String c) {
            return new Transfer(transferId, accountId, amount, scenario, seat, c);
        }
    }

    record ReserveSeat(long transferId, String scenario) {}

    record SeatReserved(long transferId, String seat) {}

    record SeatRefused(long transferId, String reason) {}

    record ReleaseSeat(long transferId) {}

    record SeatReleased(long transferId) {}

    record ChargeCard(long transferId, long amount, String scenario) {}

    record CardCharged(long transferId, String chargeId) {}

    record CardDeclined(long transferId, String reason) {}

    record RefundCard(long transferId) {}

    record CardRefunded(long transferId) {}

    private DemoSaga() {}

    static SagaDefinition<Transfer> definition(
            String type,
            JdbcTemplate jdbc,
            Duration seatDeadline,
            int seatAttempts,
            double seatBackoff,
            Duration cardDeadline) {
        return SagaDefinition.builder(type, Transfer.class)
                .step(
                        "debit-account",
                        s -> s.action(d -> jdbc.update(
                                                        "UPDATE demo_account SET balance = balance - ? WHERE id = ? "
                                                                + "AND balance >= ?",
                                                        d.amount(),
                                                        d.accountId(),
                                                        d.amount())
                                                == 1
                                        ? StepOutcome.success(d)
                                        : StepOutcome.failure("INSUFFICIENT_FUNDS"))
                                .compensateLocally(d -> jdbc.update(
                                        "UPDATE demo_account SET balance = balance + ? " + "WHERE id = ?",
                                        d.amount(),
                                        d.accountId())))
                .step(
                        "reserve-seat",
                        s -> s.command(d -> SagaCommand.of(
                                        SEAT_COMMANDS,
                                        key(d),
                                        RESERVE_SEAT,
                                        new ReserveSeat(d.transferId(), d.scenario())))
                                .onSuccess(SEAT_RESERVED, SeatReserved.class, (d, r) -> d.withSeat(r.seat()))
                                .onFailure(SEAT_REFUSED, SeatRefused.class, SeatRefused::reason)
                                .compensateWith(
                                        d -> SagaCommand.of(
                                                SEAT_COMMANDS, key(d), RELEASE_SEAT, new ReleaseSeat(d.transferId())),
                                        SEAT_RELEASED)
                                .deadline(seatDeadline)
                                .retryable(seatAttempts, seatBackoff))
                .step(
                        "charge-card",
                        s -> s.command(d -> SagaCommand.of(
                                                CARD_COMMANDS,
                                                key(d),
                                                CHARGE_CARD,
                                                new ChargeCard(d.transferId(), d.amount(), d.scenario()))
                                        .withUserId(d.accountId()))
                                .onSuccess(CARD_CHARGED, CardCharged.class, (d, r) -> d.withChargeId(r.chargeId()))
                                .onFailure(
                                        CARD_DECLINED,
                                        CardDeclined.class,
                                        CardDeclined::reason,
                                        r -> "The issuer declined transfer " + r.transferId())
                                .compensateWith(
                                        d -> SagaCommand.of(
                                                CARD_COMMANDS, key(d), REFUND_CARD, new RefundCard(d.transferId())),
                                        CARD_REFUNDED)
                                .deadline(cardDeadline))
                .onCompleted(d -> jdbc.update(
                        "INSERT INTO demo_transfer_outcome (transfer_id, status, seat, "
                                + "charge_id) VALUES (?, 'DONE', ?, ?)",
                        d.transferId(),
                        d.seat(),
                        d.chargeId()))
                .onCompensated((d, reason) -> jdbc.update(
                        "INSERT INTO demo_transfer_outcome (transfer_id, status, "
                                + "reason) VALUES (?, 'CANCELLED', ?)",
                        d.transferId(),
                        reason))
                .build();
    }

    static String key(Transfer d) {
        return Long.toString(d.transferId());
    }
}
