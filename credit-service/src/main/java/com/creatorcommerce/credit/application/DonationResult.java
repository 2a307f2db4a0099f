package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.domain.Donation;

/**
 * A donation as its donor sees it after asking for it.
 *
 * @param balanceAfter the donor's balance right after the donation's debit (null while it is not COMPLETED)
 * @param replayed true when the same Idempotency-Key had already made this donation
 */
public record DonationResult(Donation donation, Long balanceAfter, boolean replayed) {}
