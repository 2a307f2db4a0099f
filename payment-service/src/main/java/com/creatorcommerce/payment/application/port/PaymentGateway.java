package com.creatorcommerce.payment.application.port;

import java.time.Instant;

/**
 * The external PG (confirm / status / cancel). Implementations apply the time limit, retries with the same
 * Idempotency-Key and the circuit breaker, and classify every answer: a definite outcome, or {@code Unknown} when the
 * PG may or may not have acted (timeout, 5xx, connection reset, circuit open, or an answer to our own same-key retry
 * such as 409 "already processing"). Unknown is never turned into a success or a failure here: the caller resolves it
 * with {@link #status(String)}.
 */
public interface PaymentGateway {

    ConfirmOutcome confirm(String paymentKey, String orderId, long amount, String idempotencyKey);

    StatusOutcome status(String paymentKey);

    /** @param cancelAmount null = cancel everything that is left */
    CancelOutcome cancel(String paymentKey, String reason, Long cancelAmount, String idempotencyKey);

    sealed interface ConfirmOutcome {
        /** 200 DONE for {@code totalAmount}. */
        record Approved(long totalAmount, Instant approvedAt) implements ConfirmOutcome {}

        /** A definite refusal (4xx with the PG's decline code): nothing was charged. */
        record Rejected(String code, String message) implements ConfirmOutcome {}

        /**
         * A 4xx answer that is not a definite decline of this payment: no readable PG code (a proxy's error page, an
         * empty body). Probably refused, but only the PG's status can tell.
         */
        record Unclear(String code, String message) implements ConfirmOutcome {}

        /**
         * The PG may or may not have approved: timeout, 5xx, connection reset, open circuit, or a 4xx with which the
         * PG says "not now" rather than "no" (409, "already processing", a duplicate of a request still running).
         */
        record Unknown(String reason) implements ConfirmOutcome {}
    }

    sealed interface StatusOutcome {
        /** The PG holds an approved payment ({@code totalAmount} when the PG tells it). */
        record Done(Long totalAmount, Instant approvedAt) implements StatusOutcome {}

        /** Definitely not approved: ABORTED, EXPIRED. */
        record NotApproved(String pgStatus) implements StatusOutcome {}

        /**
         * Approved, then cancelled at the PG (CANCELED, or PARTIAL_CANCELED): {@code balanceAmount} of
         * {@code totalAmount} is still approved (0 when fully cancelled).
         *
         * @param totalAmount null when the PG did not tell (only for a full cancel: nothing is left either way)
         */
        record Cancelled(String pgStatus, Long totalAmount, long balanceAmount) implements StatusOutcome {}

        /** The PG has no payment with this key: a confirm never reached it. */
        record NotFound() implements StatusOutcome {}

        /** Still in progress at the PG (READY, IN_PROGRESS, WAITING_FOR_DEPOSIT). */
        record InProgress(String pgStatus) implements StatusOutcome {}

        record Unknown(String reason) implements StatusOutcome {}
    }

    sealed interface CancelOutcome {
        record Cancelled(Instant cancelledAt) implements CancelOutcome {}

        record Rejected(String code, String message) implements CancelOutcome {}

        record Unknown(String reason) implements CancelOutcome {}
    }
}
