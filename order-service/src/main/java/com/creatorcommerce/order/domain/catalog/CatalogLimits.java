package com.creatorcommerce.order.domain.catalog;

import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;

/**
 * The bounds of catalog data. Prices are KRW (no minor unit); anything outside these bounds is a client error,
 * refused before it reaches the database (which has CHECK constraints of its own).
 */
public final class CatalogLimits {

    /** Highest base or additional price of one unit: 1,000,000,000 KRW. */
    public static final long MAX_PRICE = 1_000_000_000L;
    /** Highest stock of one option. */
    public static final int MAX_STOCK = 1_000_000;

    public static final int MAX_PRODUCT_NAME = 200;
    public static final int MAX_DESCRIPTION = 5_000;
    public static final int MAX_OPTION_NAME = 100;
    public static final int MAX_OPTIONS_PER_REQUEST = 100;
    /** Letters, digits, dot, dash and underscore; starts with a letter or digit; compared case-insensitively. */
    public static final String SKU_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private CatalogLimits() {}

    public static long requirePrice(String what, long price) {
        if (price < 0 || price > MAX_PRICE) {
            throw new IllegalArgumentException(what + " must be between 0 and " + MAX_PRICE + ": " + price);
        }
        return price;
    }

    public static int requireStock(int stock) {
        if (stock < 0 || stock > MAX_STOCK) {
            throw new IllegalArgumentException("stock must be between 0 and " + MAX_STOCK + ": " + stock);
        }
        return stock;
    }

    public static String requireText(String what, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(what + " must be 1.." + max + " characters");
        }
        return value.strip();
    }

    /** @throws OrderRefusedException INVALID_STOCK_DELTA unless non-zero and at most {@link #MAX_STOCK} in size */
    public static int requireStockDelta(int delta) {
        if (delta == 0 || Math.abs((long) delta) > MAX_STOCK) {
            throw new OrderRefusedException(
                    OrderRefusal.INVALID_STOCK_DELTA, "delta must be non-zero and at most " + MAX_STOCK + " in size.");
        }
        return delta;
    }

    /** @throws OrderRefusedException TOO_MANY_OPTIONS beyond {@link #MAX_OPTIONS_PER_REQUEST} options at once */
    public static void requireOptionCount(int options) {
        if (options > MAX_OPTIONS_PER_REQUEST) {
            throw new OrderRefusedException(
                    OrderRefusal.TOO_MANY_OPTIONS, "At most " + MAX_OPTIONS_PER_REQUEST + " options per request.");
        }
    }

    public static String requireSku(String sku) {
        if (sku == null || !sku.matches(SKU_PATTERN)) {
            throw new IllegalArgumentException("invalid SKU: " + sku);
        }
        return sku;
    }
}
