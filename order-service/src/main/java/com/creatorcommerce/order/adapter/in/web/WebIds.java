package com.creatorcommerce.order.adapter.in.web;

/** Ids in request bodies arrive as strings (JSON numbers lose precision above 2^53). */
final class WebIds {

    private WebIds() {}

    /** The id, or -1 when the text is not a positive {@code long} in plain decimal digits. */
    static long parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 19) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        try {
            long id = Long.parseLong(value);
            return id > 0 ? id : -1;
        } catch (NumberFormatException overflow) {
            return -1;
        }
    }

    /** The id of a value that passed {@link IdText} validation. */
    static long require(String value) {
        long id = parse(value);
        if (id <= 0) {
            throw new IllegalArgumentException("not an id: " + value);
        }
        return id;
    }
}
