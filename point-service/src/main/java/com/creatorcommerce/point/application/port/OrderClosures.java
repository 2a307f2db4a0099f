package com.creatorcommerce.point.application.port;

import com.creatorcommerce.point.domain.PointOrderClosure;

/** Orders closed for USE by a REFUND that came first (table {@code point_order_closures}). */
public interface OrderClosures {

    boolean isClosed(long orderId);

    /** Records the closure (once: an order already closed stays as it was). */
    void close(PointOrderClosure closure);
}
