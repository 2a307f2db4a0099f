package com.creatorcommerce.order.domain.order;

import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;
import com.creatorcommerce.order.domain.stock.ReservationLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bounds of an order's lines, and their normal form. */
public final class OrderLines {

    /** Most lines one order may ask for. */
    public static final int MAX_LINES = 50;
    /** Most units of one option in one order (what one stock reservation line may take). */
    public static final int MAX_QUANTITY = ReservationLine.MAX_QUANTITY;

    private OrderLines() {}

    /**
     * The requested lines with duplicates of an option merged into one line (in the order first asked for).
     *
     * @throws OrderRefusedException EMPTY_ORDER, TOO_MANY_LINES (more than {@link #MAX_LINES} lines as asked),
     *     INVALID_QUANTITY (a quantity, or a merged one, outside 1..{@link #MAX_QUANTITY}), PRODUCT_OPTION_NOT_FOUND
     *     (an id that cannot name an option)
     */
    public static List<OrderLine> normalise(List<OrderLine> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new OrderRefusedException(OrderRefusal.EMPTY_ORDER, "An order needs at least one line.");
        }
        if (requested.size() > MAX_LINES) {
            throw new OrderRefusedException(
                            OrderRefusal.TOO_MANY_LINES, "An order has at most " + MAX_LINES + " lines.")
                    .with("max_lines", MAX_LINES);
        }
        Map<Long, Integer> byOption = new LinkedHashMap<>();
        for (OrderLine line : requested) {
            if (line.productOptionId() <= 0) {
                throw new OrderRefusedException(
                        OrderRefusal.PRODUCT_OPTION_NOT_FOUND, "No product option " + line.productOptionId() + ".");
            }
            requireQuantity(line.quantity());
            requireQuantity(byOption.merge(line.productOptionId(), line.quantity(), Integer::sum));
        }
        List<OrderLine> merged = new ArrayList<>(byOption.size());
        byOption.forEach((option, quantity) -> merged.add(new OrderLine(option, quantity)));
        return List.copyOf(merged);
    }

    private static void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new OrderRefusedException(
                            OrderRefusal.INVALID_QUANTITY, "A line's quantity must be 1.." + MAX_QUANTITY + ".")
                    .with("max_quantity", MAX_QUANTITY);
        }
    }
}
