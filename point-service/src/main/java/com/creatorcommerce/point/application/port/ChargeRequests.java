package com.creatorcommerce.point.application.port;

import com.creatorcommerce.point.domain.PointChargeRequest;
import java.util.Optional;

/** Charge requests (table {@code point_charge_requests}). Changes of a found request are saved at commit. */
public interface ChargeRequests {

    void add(PointChargeRequest request);

    Optional<PointChargeRequest> find(long id);

    /** Reads the request with its row locked until the transaction ends. */
    Optional<PointChargeRequest> lock(long id);

    /** Writes the request's pending changes now, so that a broken constraint (e.g. its payment key) fails here. */
    void writeNow(PointChargeRequest request);

    boolean paymentKeyUsed(String paymentKey);
}
