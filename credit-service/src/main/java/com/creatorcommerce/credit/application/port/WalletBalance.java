package com.creatorcommerce.credit.application.port;

import java.time.Instant;

/** A wallet as read for the user: balance, credits ever earned (purchase, bonus) and spent (usage, donation). */
public record WalletBalance(long balance, long totalEarned, long totalSpent, long version, Instant updatedAt) {

    public static WalletBalance empty() {
        return new WalletBalance(0, 0, 0, 0, null);
    }
}
