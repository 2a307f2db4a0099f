package com.creatorcommerce.credit.application;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes a request waiting for its purchase's outcome as soon as this instance commits it. Only a shortcut: the
 * waiter also re-reads the purchase periodically, since another instance may consume the payment reply.
 */
@Component
class SettlementSignals {

    private final ConcurrentHashMap<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** After the current transaction commits (at once without one), wakes whoever waits for {@code purchaseId}. */
    void settledAfterCommit(long purchaseId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake(purchaseId);
                }
            });
        } else {
            wake(purchaseId);
        }
    }

    /** Waits up to {@code max} for a signal of {@code purchaseId} (registered before the caller re-reads it). */
    CompletableFuture<Void> listen(long purchaseId) {
        return waiting.computeIfAbsent(purchaseId, id -> new CompletableFuture<>());
    }

    void await(CompletableFuture<Void> signal, Duration max) {
        try {
            signal.get(Math.max(1, max.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // not yet (or never: another instance settled it); the caller re-reads
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void forget(long purchaseId, CompletableFuture<Void> signal) {
        waiting.remove(purchaseId, signal);
    }

    private void wake(long purchaseId) {
        CompletableFuture<Void> signal = waiting.remove(purchaseId);
        if (signal != null) {
            signal.complete(null);
        }
    }
}
