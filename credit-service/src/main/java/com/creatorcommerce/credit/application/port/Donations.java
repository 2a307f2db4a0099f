package com.creatorcommerce.credit.application.port;

import com.creatorcommerce.credit.domain.Donation;
import com.creatorcommerce.platform.kernel.Page;
import java.time.Instant;
import java.util.Optional;

/** Donations ({@code donations}), in the caller's transaction. */
public interface Donations {

    void add(Donation donation);

    Optional<Donation> find(long id);

    Optional<Donation> findByIdempotencyKey(String key);

    /** Locks the donation's row; true when it is PENDING. */
    boolean lockPending(long id);

    /** PENDING → COMPLETED with its history row. */
    void complete(long id, long historyId, Instant now);

    /** PENDING → FAILED; false when it was not PENDING any more. */
    boolean fail(long id, String code, String reason, Instant now);

    /**
     * PENDING → FAILED, or a donation its saga closed ({@link #CLOSED}) given its final reason; false otherwise (it
     * was completed, or failed for another reason already).
     */
    boolean failOrAmend(long id, String code, String reason, Instant now);

    /** The saga running the donation ({@code saga_id}). */
    void attachSaga(long id, long sagaId);

    /** The failure code of a donation closed by its saga before the saga's final reason is known. */
    String CLOSED = "DONATION_CLOSED";

    /** The donor's donations, newest first (1-based page). */
    Page<Donation> sent(long donorId, int page, int pageSize);

    /** The creator's COMPLETED donations received, newest first (1-based page). */
    Page<Donation> received(long creatorId, int page, int pageSize);
}
