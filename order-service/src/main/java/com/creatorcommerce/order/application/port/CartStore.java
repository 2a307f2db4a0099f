package com.creatorcommerce.order.application.port;

import com.creatorcommerce.order.domain.cart.CartLine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Cart lines, always addressed together with their owner so that nobody reaches another user's cart. */
public interface CartStore {

    /**
     * Inserts a line, or when the user already has one for the option, adds the quantity to it and remembers the
     * current unit price as its saved price; one atomic statement.
     */
    void addOrMerge(long newLineId, long userId, long productOptionId, int quantity, long unitPrice, Instant now);

    Optional<CartLine> findByOption(long userId, long productOptionId);

    Optional<CartLine> findById(long userId, long cartItemId);

    List<CartLine> linesOf(long userId);

    int countLines(long userId);

    boolean updateQuantity(long userId, long cartItemId, int quantity, Instant now);

    boolean delete(long userId, long cartItemId);
}
