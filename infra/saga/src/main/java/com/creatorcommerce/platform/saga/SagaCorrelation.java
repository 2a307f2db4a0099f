package com.creatorcommerce.platform.saga;

import java.util.Optional;

/**
 * The correlation id a saga's commands carry, and that replies inherit: {@code <saga type>:<saga id>}, e.g.
 * {@code order.checkout:7291305213345793}. The type makes it unique across services: a replies topic is shared by
 * several requesters, and a bare Snowflake id of one service can equal another service's (worker ids and clocks
 * are per service), so another flow's reply can never be taken for this saga's.
 */
final class SagaCorrelation {

    /** A parsed correlation id. */
    record Ref(String type, long id) {}

    private SagaCorrelation() {}

    static String of(String type, long id) {
        return type + ":" + id;
    }

    /** The saga a correlation id names, if it has the saga form; empty for any other flow's id. */
    static Optional<Ref> parse(String correlationId) {
        if (correlationId == null) {
            return Optional.empty();
        }
        int colon = correlationId.lastIndexOf(':');
        if (colon <= 0 || colon == correlationId.length() - 1 || correlationId.length() - colon > 20) {
            return Optional.empty();
        }
        for (int i = colon + 1; i < correlationId.length(); i++) {
            char c = correlationId.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        long id;
        try {
            id = Long.parseLong(correlationId.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new Ref(correlationId.substring(0, colon), id));
    }
}
