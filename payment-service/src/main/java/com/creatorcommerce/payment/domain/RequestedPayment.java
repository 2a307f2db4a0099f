package com.creatorcommerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a {@link Payment} was asked for, fixed once it is recorded: who pays ({@code userId}) how much
 * ({@code amount}, in the minor unit of {@code currency}) for what ({@code purpose} and the requester's {@code referenceId}), under which PG keys (the
 * payment key the client got from the PG, the PG order id derived from the reference), and the correlation id of the
 * command that asked, so that an answer settled later still reaches its requester.
 *
 * @param chargeRequestId the reference again for a point charge (a unique column per charge request), else null
 * @param currency ISO 4217 code (three upper-case letters) of {@code amount} and of every amount of the payment
 *     (approved, cancelled); KRW has no minor unit, USD's is the cent
 */
@Embeddable
public record RequestedPayment(
        @Column(name = "pg_payment_id", nullable = false, updatable = false)
        String paymentKey,

        @Column(name = "pg_order_id", nullable = false, updatable = false)
        String pgOrderId,

        @Enumerated(EnumType.STRING) @Column(name = "purpose", nullable = false, updatable = false)
        PaymentPurpose purpose,

        @Column(name = "reference_id", nullable = false, updatable = false)
        long referenceId,

        @Column(name = "charge_request_id", updatable = false)
        Long chargeRequestId,

        @Column(name = "user_id", nullable = false, updatable = false)
        long userId,

        @Column(name = "amount", nullable = false, updatable = false)
        long amount,

        @Column(name = "currency", nullable = false, updatable = false, length = 3)
        String currency,

        @Column(name = "correlation_id", updatable = false) String correlationId) {

    /** ISO 4217 alphabetic codes: three upper-case letters. */
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** Whether {@code code} has the shape of an ISO 4217 alphabetic code (three upper-case letters). */
    public static boolean isCurrencyCode(String code) {
        return code != null && CURRENCY.matcher(code).matches();
    }

    /**
     * A payment of {@code amount} (positive, in the minor unit of {@code currency}) by {@code userId} for
     * {@code purpose}'s {@code referenceId}.
     *
     * @throws IllegalArgumentException for an amount that is not positive or a currency that is no ISO 4217 code
     */
    public static RequestedPayment of(
            String paymentKey,
            PaymentPurpose purpose,
            long referenceId,
            long userId,
            long amount,
            String currency,
            String correlationId) {
        if (amount <= 0) {
            throw new IllegalArgumentException("A payment amount is positive: " + amount);
        }
        if (!isCurrencyCode(currency)) {
            throw new IllegalArgumentException("A payment currency is an ISO 4217 code: " + currency);
        }
        Objects.requireNonNull(paymentKey, "paymentKey");
        Objects.requireNonNull(purpose, "purpose");
        return new RequestedPayment(
                paymentKey,
                pgOrderId(purpose, referenceId),
                purpose,
                referenceId,
                purpose == PaymentPurpose.POINT_CHARGE ? referenceId : null,
                userId,
                amount,
                currency,
                correlationId);
    }

    /** The PG's {@code orderId} (6 to 64 of {@code [A-Za-z0-9_-]}): unique per requester reference. */
    static String pgOrderId(PaymentPurpose purpose, long referenceId) {
        return purpose.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + referenceId;
    }

    /** Whether a confirm asks for the same thing (a repeat) rather than reusing the payment key for another. */
    public boolean sameAs(
            PaymentPurpose otherPurpose,
            long otherReferenceId,
            long otherUserId,
            long otherAmount,
            String otherCurrency) {
        return purpose == otherPurpose
                && referenceId == otherReferenceId
                && userId == otherUserId
                && amount == otherAmount
                && currency.equals(otherCurrency);
    }
}
