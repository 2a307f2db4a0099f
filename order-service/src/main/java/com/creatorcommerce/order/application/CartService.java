package com.creatorcommerce.order.application;

import com.creatorcommerce.order.application.port.CartStore;
import com.creatorcommerce.order.application.port.OptionStore;
import com.creatorcommerce.order.domain.cart.Cart;
import com.creatorcommerce.order.domain.cart.CartLimits;
import com.creatorcommerce.order.domain.cart.CartLine;
import com.creatorcommerce.order.domain.catalog.OptionForSale;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's cart. Every operation takes the user from the caller's token, and every statement is scoped to that user,
 * so a line of another user's cart is "not found". A cart reserves nothing: stock is checked when adding, shown
 * when viewing, and reserved only by an order.
 */
@Service
public class CartService {

    private final CartStore cart;
    private final OptionStore options;
    private final IdGenerator ids;
    private final Clock clock;

    public CartService(CartStore cart, OptionStore options, IdGenerator ids, Clock clock) {
        this.cart = cart;
        this.options = options;
        this.ids = ids;
        this.clock = clock;
    }

    public record Added(CartLine line, boolean created) {}

    @Transactional(readOnly = true)
    public Cart cartOf(long userId) {
        return new Cart(userId, cart.linesOf(userId));
    }

    /**
     * Adds units of an option on sale. An option already in the cart gets the units added to its line (and the
     * current price as its saved price); the whole line must stay within the line limit and the stock.
     */
    @Transactional
    public Added add(long userId, long productOptionId, int quantity) {
        CartLimits.requireQuantity(quantity);
        OptionForSale option =
                options.findOptionForSale(productOptionId).orElseThrow(() -> Refusals.optionNotFound(productOptionId));
        if (!option.onSale()) {
            throw Refusals.optionUnavailable(productOptionId);
        }
        cart.addOrMerge(ids.nextId(), userId, productOptionId, quantity, option.unitPrice(), now());
        CartLine line = cart.findByOption(userId, productOptionId).orElseThrow();
        // the checks below throw, which rolls the statement above back: nothing changes on refusal
        CartLimits.requireLineWithinLimit(line, quantity);
        if (line.quantity() > option.stockQuantity()) {
            throw Refusals.insufficientStock(productOptionId, line.quantity(), option.stockQuantity());
        }
        boolean created = line.quantity() == quantity;
        if (created) {
            CartLimits.requireLinesWithinLimit(cart.countLines(userId));
        }
        return new Added(line, created);
    }

    /** Sets the quantity of one of the user's lines (the option must still be on sale and have the units). */
    @Transactional
    public CartLine changeQuantity(long userId, long cartItemId, int quantity) {
        CartLimits.requireQuantity(quantity);
        CartLine line = cart.findById(userId, cartItemId).orElseThrow(() -> Refusals.cartItemNotFound(cartItemId));
        if (!line.available()) {
            throw Refusals.optionUnavailable(line.productOptionId());
        }
        if (quantity > line.stockQuantity()) {
            throw Refusals.insufficientStock(line.productOptionId(), quantity, line.stockQuantity());
        }
        if (!cart.updateQuantity(userId, cartItemId, quantity, now())) {
            throw Refusals.cartItemNotFound(cartItemId);
        }
        return cart.findById(userId, cartItemId).orElseThrow(() -> Refusals.cartItemNotFound(cartItemId));
    }

    @Transactional
    public void remove(long userId, long cartItemId) {
        if (!cart.delete(userId, cartItemId)) {
            throw Refusals.cartItemNotFound(cartItemId);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
