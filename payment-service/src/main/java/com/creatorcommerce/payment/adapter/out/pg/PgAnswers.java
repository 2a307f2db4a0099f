package com.creatorcommerce.payment.adapter.out.pg;

import com.creatorcommerce.payment.application.port.PaymentGateway.StatusOutcome;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** The PG's JSON (camelCase, its own mapper) and how its answers are read. */
final class PgAnswers {

    static final Set<String> NOT_APPROVED = Set.of("ABORTED", "EXPIRED");
    static final Set<String> CANCELLED = Set.of("CANCELED", "PARTIAL_CANCELED");
    /**
     * PG codes of 4xx answers that do not decline the payment: it is being processed (our own earlier attempt with the
     * same key), already processed, or the PG / card issuer had a temporary problem. The outcome is unknown.
     */
    static final Set<String> IN_DOUBT = Set.of(
            "IDEMPOTENT_REQUEST_PROCESSING",
            "ALREADY_PROCESSED_PAYMENT",
            "DUPLICATED_ORDER_ID",
            "PROVIDER_ERROR",
            "CARD_PROCESSING_ERROR",
            "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING",
            "FAILED_INTERNAL_SYSTEM_PROCESSING",
            "UNKNOWN_PAYMENT_ERROR");

    private PgAnswers() {}

    record ConfirmRequest(String paymentKey, String orderId, long amount) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CancelRequest(String cancelReason, Long cancelAmount) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PgPayment(
            String paymentKey,
            String orderId,
            String status,
            Long totalAmount,
            Long balanceAmount,
            String approvedAt,
            String canceledAt,
            List<PgCancel> cancels) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PgCancel(Long cancelAmount) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PgError(String code, String message) {}

    /** CANCELED / PARTIAL_CANCELED: how much is still approved, or Unknown when the answer does not say. */
    static StatusOutcome cancelled(PgPayment body, HttpResponse<String> response) {
        Long total = body.totalAmount();
        Long balance = body.balanceAmount();
        if (balance == null
                && total != null
                && body.cancels() != null
                && !body.cancels().isEmpty()
                && body.cancels().stream().allMatch(c -> c != null && c.cancelAmount() != null)) {
            balance = total
                    - body.cancels().stream().mapToLong(PgCancel::cancelAmount).sum();
        }
        if (balance == null && "CANCELED".equals(body.status())) {
            balance = 0L;
        }
        if (balance == null || balance < 0 || (total == null && balance > 0) || (total != null && balance > total)) {
            return new StatusOutcome.Unknown("The PG reports " + body.status() + " without a consistent amount left: "
                    + abbreviate(response.body()));
        }
        return new StatusOutcome.Cancelled(body.status(), total, balance);
    }

    /** 409, or a 4xx with a code that says "in progress / already done / try again" rather than "no". */
    static boolean inDoubt(PgError error, HttpResponse<?> r) {
        return r.statusCode() == 409 || (error != null && error.code() != null && IN_DOUBT.contains(error.code()));
    }

    static String notADecline(PgError error, HttpResponse<?> r) {
        return "PG answered " + r.statusCode() + " " + code(error, r) + " (" + message(error, r)
                + "): not a decline, the outcome is unknown";
    }

    static boolean isSuccess(HttpResponse<?> r) {
        return r.statusCode() >= 200 && r.statusCode() < 300;
    }

    static boolean isServerError(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    static String code(PgError error, HttpResponse<?> r) {
        return error != null && error.code() != null && !error.code().isBlank()
                ? error.code()
                : "PG_HTTP_" + r.statusCode();
    }

    static String message(PgError error, HttpResponse<?> r) {
        return error != null && error.message() != null ? error.message() : "PG answered " + r.statusCode();
    }

    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
