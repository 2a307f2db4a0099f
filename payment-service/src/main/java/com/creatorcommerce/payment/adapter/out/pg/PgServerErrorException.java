package com.creatorcommerce.payment.adapter.out.pg;

/** The PG answered 5xx (or 408 / 429): the outcome is unknown; retried, and counted by the circuit breaker. */
class PgServerErrorException extends RuntimeException {

    private final int status;

    PgServerErrorException(int status, String body) {
        super("PG answered " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body)));
        this.status = status;
    }

    int status() {
        return status;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
