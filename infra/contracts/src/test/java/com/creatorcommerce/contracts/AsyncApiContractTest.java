package com.creatorcommerce.contracts;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.AsyncApiChecks.Catalog;
import com.creatorcommerce.contracts.AsyncApiChecks.Expected;
import com.creatorcommerce.contracts.coupon.ConfirmCouponCommand;
import com.creatorcommerce.contracts.coupon.CouponConfirmationRejected;
import com.creatorcommerce.contracts.coupon.CouponIssued;
import com.creatorcommerce.contracts.coupon.CouponReleased;
import com.creatorcommerce.contracts.coupon.CouponReservationRejected;
import com.creatorcommerce.contracts.coupon.CouponReservationReleased;
import com.creatorcommerce.contracts.coupon.CouponReserved;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.CouponUseConfirmed;
import com.creatorcommerce.contracts.coupon.CouponUsed;
import com.creatorcommerce.contracts.coupon.ReleaseCouponCommand;
import com.creatorcommerce.contracts.coupon.ReserveCouponCommand;
import com.creatorcommerce.contracts.credit.CreditBalanceChanged;
import com.creatorcommerce.contracts.credit.CreditPurchased;
import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.contracts.credit.DonationCompleted;
import com.creatorcommerce.contracts.order.OrderCancelled;
import com.creatorcommerce.contracts.order.OrderCompleted;
import com.creatorcommerce.contracts.order.OrderCreated;
import com.creatorcommerce.contracts.order.OrderTopics;
import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentCancelFailed;
import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.ChargePointsCommand;
import com.creatorcommerce.contracts.point.PointBalanceChanged;
import com.creatorcommerce.contracts.point.PointChargeCompleted;
import com.creatorcommerce.contracts.point.PointChargeFailed;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsChargeRejected;
import com.creatorcommerce.contracts.point.PointsCharged;
import com.creatorcommerce.contracts.point.PointsRefunded;
import com.creatorcommerce.contracts.point.PointsUseRejected;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.contracts.point.UsePointsCommand;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/asyncapi.yaml} documents exactly the published language of {@code infra/contracts}: every topic is a
 * channel, every CloudEvents type a message on the right channels, every payload schema has the JSON properties,
 * types and required fields the records really have on the wire, and no record goes undocumented.
 *
 * <p>Adding a type: a constant in the {@code *Topics} class, its record, an entry in {@link #MESSAGES}, a message in
 * the document (channel, {@code components.messages}, payload schema, the operations that send and receive it).
 */
class AsyncApiContractTest {

    /**
     * CloudEvents type → the record that is its payload and the topics it is published on. The contracts name the
     * record only in javadoc, so this map is the explicit link; the test fails when a type constant or a record is
     * missing from it.
     */
    static final Map<String, Expected> MESSAGES = Map.ofEntries(
            // coupon
            entry(CouponTopics.RESERVE, on(ReserveCouponCommand.class, CouponTopics.COMMANDS)),
            entry(CouponTopics.CONFIRM, on(ConfirmCouponCommand.class, CouponTopics.COMMANDS)),
            entry(CouponTopics.RELEASE, on(ReleaseCouponCommand.class, CouponTopics.COMMANDS)),
            entry(CouponTopics.RESERVED, on(CouponReserved.class, CouponTopics.REPLIES)),
            entry(CouponTopics.RESERVATION_REJECTED, on(CouponReservationRejected.class, CouponTopics.REPLIES)),
            entry(CouponTopics.USE_CONFIRMED, on(CouponUseConfirmed.class, CouponTopics.REPLIES)),
            entry(CouponTopics.CONFIRMATION_REJECTED, on(CouponConfirmationRejected.class, CouponTopics.REPLIES)),
            entry(CouponTopics.RESERVATION_RELEASED, on(CouponReservationReleased.class, CouponTopics.REPLIES)),
            entry(CouponTopics.ISSUED, on(CouponIssued.class, CouponTopics.EVENTS)),
            entry(CouponTopics.USED, on(CouponUsed.class, CouponTopics.EVENTS)),
            entry(CouponTopics.RELEASED, on(CouponReleased.class, CouponTopics.EVENTS)),
            // point
            entry(PointTopics.CHARGE, on(ChargePointsCommand.class, PointTopics.COMMANDS)),
            entry(PointTopics.USE, on(UsePointsCommand.class, PointTopics.COMMANDS)),
            entry(PointTopics.REFUND, on(RefundPointsCommand.class, PointTopics.COMMANDS)),
            entry(PointTopics.CHARGED, on(PointsCharged.class, PointTopics.REPLIES)),
            entry(PointTopics.CHARGE_REJECTED, on(PointsChargeRejected.class, PointTopics.REPLIES)),
            entry(PointTopics.USED, on(PointsUsed.class, PointTopics.REPLIES)),
            entry(PointTopics.USE_REJECTED, on(PointsUseRejected.class, PointTopics.REPLIES)),
            entry(PointTopics.REFUNDED, on(PointsRefunded.class, PointTopics.REPLIES)),
            entry(PointTopics.BALANCE_CHANGED, on(PointBalanceChanged.class, PointTopics.EVENTS)),
            entry(PointTopics.CHARGE_COMPLETED, on(PointChargeCompleted.class, PointTopics.EVENTS)),
            entry(PointTopics.CHARGE_FAILED, on(PointChargeFailed.class, PointTopics.EVENTS)),
            // payment: the outcomes are replies and (but for a refused cancel) public events too
            entry(PaymentTopics.CONFIRM, on(ConfirmPaymentCommand.class, PaymentTopics.COMMANDS)),
            entry(PaymentTopics.CANCEL, on(CancelPaymentCommand.class, PaymentTopics.COMMANDS)),
            entry(PaymentTopics.APPROVED, on(PaymentApproved.class, PaymentTopics.REPLIES, PaymentTopics.EVENTS)),
            entry(PaymentTopics.FAILED, on(PaymentFailed.class, PaymentTopics.REPLIES, PaymentTopics.EVENTS)),
            entry(PaymentTopics.CANCELLED, on(PaymentCancelled.class, PaymentTopics.REPLIES, PaymentTopics.EVENTS)),
            entry(PaymentTopics.CANCEL_FAILED, on(PaymentCancelFailed.class, PaymentTopics.REPLIES)),
            // order
            entry(OrderTopics.CREATED, on(OrderCreated.class, OrderTopics.EVENTS)),
            entry(OrderTopics.COMPLETED, on(OrderCompleted.class, OrderTopics.EVENTS)),
            entry(OrderTopics.CANCELLED, on(OrderCancelled.class, OrderTopics.EVENTS)),
            // credit
            entry(CreditTopics.BALANCE_CHANGED, on(CreditBalanceChanged.class, CreditTopics.EVENTS)),
            entry(CreditTopics.PURCHASED, on(CreditPurchased.class, CreditTopics.EVENTS)),
            entry(CreditTopics.DONATION_COMPLETED, on(DonationCompleted.class, CreditTopics.EVENTS)));

    /**
     * {@code Record.component}s that may be null on the wire: not required, and their schema allows null. Every
     * boxed component must be listed (the test fails otherwise), and so must reference components the record
     * documents as nullable. Everything else is required.
     */
    static final Set<String> NULLABLE = Set.of(
            "ChargePointsCommand.paymentId",
            "PointsRefunded.transactionId", // null when the amount is 0
            "CancelPaymentCommand.cancelAmount", // null = everything that is left
            "PaymentFailed.paymentId", // null when no payment was recorded
            "PaymentCancelled.cancelRequestId", // null when payment-service cancelled on its own
            "PaymentCancelFailed.paymentId", // null when there is no payment with this key
            "PaymentCancelFailed.purpose", // idem
            "PaymentCancelFailed.referenceId", // idem
            "PaymentCancelFailed.cancelAmount", // the command's: null = everything that was left
            "OrderCreated.userCouponId", // null without a coupon
            "OrderCreated.chargeAmount", // null when the order buys no points
            "OrderCompleted.userCouponId", // null without a coupon
            "OrderCompleted.paymentId"); // null when the order bought no points

    /**
     * {@code Record.component}s added to a contract later, which older producers leave out: never null (the record
     * applies a default), not required, and their schema states that {@code default}.
     */
    static final Set<String> OPTIONAL = Set.of("ConfirmPaymentCommand.currency"); // absent = KRW (issue 13)

    static final Catalog CATALOG = new Catalog(MESSAGES, NULLABLE, OPTIONAL);

    private final AsyncApiChecks checks = new AsyncApiChecks(AsyncApiDocument.load(), ContractClasses.scan(), CATALOG);

    @Test
    void isAnAsyncApi3DocumentWithTheLocalAndComposeBrokers() {
        assertNoProblems(checks.document());
    }

    @Test
    void everyReferenceResolves() {
        assertNoProblems(checks.references());
    }

    @Test
    void everyTopicConstantIsExactlyOneChannelAndEveryChannelATopic() {
        assertNoProblems(checks.channels());
    }

    @Test
    void everyTypeConstantIsAMessageNamedAfterItOnTheRightChannels() {
        assertNoProblems(checks.messages());
    }

    @Test
    void headersAreTheCloudEventsEnvelopeWithItsRequiredHeaders() {
        assertNoProblems(checks.envelope());
    }

    @Test
    void nullableComponentsAreDeclaredForEveryBoxedComponent() {
        assertNoProblems(checks.nullability());
    }

    @Test
    void payloadSchemasHaveTheRecordsJsonPropertiesTypesAndRequiredFields() {
        assertNoProblems(checks.payloads());
    }

    @Test
    void enumsAndCodeListsAreNamedSchemasWithAllTheirValues() {
        assertNoProblems(checks.namedSchemas());
    }

    @Test
    void everyContractRecordIsCarriedBySomeMessage() {
        assertNoProblems(checks.records());
    }

    @Test
    void everyChannelHasItsSendersAndReceivers() {
        assertNoProblems(checks.operations());
    }

    private static Expected on(Class<? extends Record> record, String... topics) {
        return new Expected(record, Set.of(topics));
    }

    static void assertNoProblems(List<String> problems) {
        assertThat(problems)
                .withFailMessage(() -> problems.size() + " problem(s) between docs/asyncapi.yaml and infra/contracts:"
                        + "\n  - " + String.join("\n  - ", problems))
                .isEmpty();
    }
}
