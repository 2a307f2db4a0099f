package com.creatorcommerce.order.application;

import com.creatorcommerce.order.application.port.CartStore;
import com.creatorcommerce.order.application.port.CatalogStore;
import com.creatorcommerce.order.domain.cart.Cart;
import com.creatorcommerce.order.domain.cart.CartLimits;
import com.creatorcommerce.order.domain.cart.CartLine;
import com.creatorcommerce.order.domain.catalog.OptionForSale;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import com.creatorcommerce.platform.web.ApiException;
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
    private final CatalogStore catalog;
    private final IdGenerator ids;
    private final Clock clock;

    public CartService(CartStore cart, CatalogStore catalog, IdGenerator ids, Clock clock) {
        this.cart = cart;
        this.catalog = catalog;
        this.ids = ids;
        this.clock = clock;
    }

    public record Added(CartLine line, boolean created) {
    }

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
        requireQuantity(quantity);
        OptionForSale option = catalog.findOptionForSale(productOptionId)
                .orElseThrow(() -> Errors.optionNotFound(productOptionId));
        if (!option.onSale()) {
            throw Errors.optionUnavailable(productOptionId);
        }
        cart.addOrMerge(ids.nextId(), userId, productOptionId, quantity, option.unitPrice(), now());
        CartLine line = cart.findByOption(userId, productOptionId).orElseThrow();
        // the checks below throw, which rolls the statement above back: nothing changes on refusal
        if (line.quantity() > CartLimits.MAX_LINE_QUANTITY) {
            throw ApiException.conflict("CART_LINE_LIMIT_EXCEEDED",
                    "A cart line holds at most " + CartLimits.MAX_LINE_QUANTITY + " units.")
                    .with("max_quantity", CartLimits.MAX_LINE_QUANTITY)
                    .with("current_quantity", line.quantity() - quantity);
        }
        if (line.quantity() > option.stockQuantity()) {
            throw Errors.insufficientStock(productOptionId, line.quantity(), option.stockQuantity());
        }
        boolean created = line.quantity() == quantity;
        if (created && cart.countLines(userId) > CartLimits.MAX_LINES) {
            throw ApiException.conflict("CART_FULL", "A cart holds at most " + CartLimits.MAX_LINES + " lines.");
        }
        return new Added(line, created);
    }

    /** Sets the quantity of one of the user's lines (the option must still be on sale and have the units). */
    @Transactional
    public CartLine changeQuantity(long userId, long cartItemId, int quantity) {
        requireQuantity(quantity);
        CartLine line = cart.findById(userId, cartItemId).orElseThrow(() -> Errors.cartItemNotFound(cartItemId));
        if (!line.available()) {
            throw Errors.optionUnavailable(line.productOptionId());
        }
        if (quantity > line.stockQuantity()) {
            throw Errors.insufficientStock(line.productOptionId(), quantity, line.stockQuantity());
        }
        if (!cart.updateQuantity(userId, cartItemId, quantity, now())) {
            throw Errors.cartItemNotFound(cartItemId);
        }
        return cart.findById(userId, cartItemId).orElseThrow(() -> Errors.cartItemNotFound(cartItemId));
    }

    @Transactional
    public void remove(long userId, long cartItemId) {
        if (!cart.delete(userId, cartItemId)) {
            throw Errors.cartItemNotFound(cartItemId);
        }
    }

    private static void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > CartLimits.MAX_LINE_QUANTITY) {
            throw ApiException.badRequest("INVALID_QUANTITY",
                    "quantity must be 1.." + CartLimits.MAX_LINE_QUANTITY + ".");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
