package com.creatorcommerce.credit.application;

/**
 * The top-up-then-donate saga's data (stored as JSON with the saga).
 *
 * @param amount the package's price in minor units, as the payment must approve it
 * @param currency the ISO 4217 code of the price ({@code amount} is in its minor unit); null in the data of a saga
 *     started before issue 13, whose payment command named no currency (KRW), so a resend stays the same command
 * @param paymentId the approved payment; null until the payment step succeeded
 * @param credited whether the purchase's credits are in the wallet (they stay there whatever happens next)
 * @param historyId the donation's history row once debited
 */
public record TopUpDonationData(
        long donationId,
        long donorId,
        long creatorId,
        long credits,
        long purchaseId,
        String paymentKey,
        long amount,
        String currency,
        Long paymentId,
        boolean credited,
        Long historyId,
        Long balanceAfter) {

    static TopUpDonationData start(
            long donationId,
            long donorId,
            long creatorId,
            long credits,
            long purchaseId,
            String paymentKey,
            long amount,
            String currency) {
        return new TopUpDonationData(
                donationId,
                donorId,
                creatorId,
                credits,
                purchaseId,
                paymentKey,
                amount,
                currency,
                null,
                false,
                null,
                null);
    }

    boolean paid() {
        return paymentId != null;
    }

    TopUpDonationData withPayment(long payment) {
        return new TopUpDonationData(
                donationId,
                donorId,
                creatorId,
                credits,
                purchaseId,
                paymentKey,
                amount,
                currency,
                payment,
                credited,
                historyId,
                balanceAfter);
    }

    TopUpDonationData withCredited() {
        return new TopUpDonationData(
                donationId,
                donorId,
                creatorId,
                credits,
                purchaseId,
                paymentKey,
                amount,
                currency,
                paymentId,
                true,
                historyId,
                balanceAfter);
    }

    TopUpDonationData withDebit(long history, long balance) {
        return new TopUpDonationData(
                donationId,
                donorId,
                creatorId,
                credits,
                purchaseId,
                paymentKey,
                amount,
                currency,
                paymentId,
                credited,
                history,
                balance);
    }
}
