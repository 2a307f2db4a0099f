package com.creatorcommerce.contracts.credit;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * Public event: a user bought a credit package; the payment was approved and the credits added (once per purchase).
 *
 * @param purchaseId credit-service's purchase (the payment's {@code reference_id}, purpose {@code CREDIT_TOPUP})
 * @param packageId the package bought, e.g. {@code basic_500}
 * @param credits the credits added
 * @param amountPaid the exact price paid as a decimal string, e.g. {@code "19.99"}
 * @param currency ISO 4217 code of {@code amount_paid}, e.g. {@code USD}
 * @param paymentId payment-service's payment
 * @param transactionId the {@code credit_history} row of type {@code purchase}
 * @param balanceAfter the wallet's balance right after the credits were added
 */
public record CreditPurchased(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long purchaseId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        String packageId,
        long credits,
        String amountPaid,
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long paymentId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long transactionId,
        long balanceAfter,
        Instant purchasedAt) {}
