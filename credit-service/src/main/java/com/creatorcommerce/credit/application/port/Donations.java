package com.creatorcommerce.credit.application.port;

import com.creatorcommerce.credit.domain.Donation;
import java.time.Instant;
import java.util.List;
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

    /** PENDING donations (waiting for their top-up), oldest first. */
    List<Donation> pending(int limit);

    /** The donor's donations, newest first (1-based page). */
    Paged<Donation> sent(long donorId, int page, int pageSize);

    /** The creator's COMPLETED donations received, newest first (1-based page). */
    Paged<Donation> received(long creatorId, int page, int pageSize);
}
