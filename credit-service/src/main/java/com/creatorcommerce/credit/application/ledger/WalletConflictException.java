package com.creatorcommerce.credit.application.ledger;

/**
 * The wallet's stored version was not the one read: another writer changed it in between. Nothing was written (the
 * transaction rolled back); the ledger retries with back-off.
 */
class WalletConflictException extends RuntimeException {

    WalletConflictException(long userId, long expectedVersion) {
        super("Wallet of user " + userId + " is no longer at version " + expectedVersion, null, false, false);
    }
}
