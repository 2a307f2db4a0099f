package com.creatorcommerce.payment.adapter.out.pg;

import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.abbreviate;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.code;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.inDoubt;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.instant;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.isSuccess;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.message;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.notADecline;
import static com.creatorcommerce.payment.adapter.out.pg.PgHttpCalls.encode;

import com.creatorcommerce.payment.adapter.out.pg.PgAnswers.CancelRequest;
import com.creatorcommerce.payment.adapter.out.pg.PgAnswers.ConfirmRequest;
import com.creatorcommerce.payment.adapter.out.pg.PgAnswers.PgError;
import com.creatorcommerce.payment.adapter.out.pg.PgAnswers.PgPayment;
import com.creatorcommerce.payment.adapter.out.pg.PgHttpCalls.Unknown;
import com.creatorcommerce.payment.application.port.PaymentGateway;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.net.http.HttpResponse;

/**
 * The PG over HTTP: each call is one {@link PgHttpCalls} exchange (time limit, retries with the same
 * {@code Idempotency-Key}, circuit breaker), whose answer is read here; an exchange that ends without a usable answer
 * is {@code Unknown}. Nothing here guesses an outcome.
 *
 * <p>A 4xx answer is not always a decline. The PG answers 409 (e.g. {@code IDEMPOTENT_REQUEST_PROCESSING}: "a request
 * with this Idempotency-Key is still being processed") or codes such as {@code ALREADY_PROCESSED_PAYMENT},
 * {@code DUPLICATED_ORDER_ID} or {@code PROVIDER_ERROR} when the payment is in progress, already done (possibly by our
 * own earlier attempt with the same key) or hit a temporary problem: those are {@code Unknown}, resolved by the status
 * query. A 4xx without a readable PG code is {@code Unclear} (the caller asks the status and, if still unclear,
 * re-checks later). Any other 4xx with the PG's code is a definite {@code Rejected}.
 */
class HttpPaymentGateway implements PaymentGateway {

    private final PgHttpCalls pg;

    HttpPaymentGateway(
            PaymentGatewayProperties props, TimeLimiter timeLimiter, CircuitBreaker circuitBreaker, Retry retry) {
        this.pg = new PgHttpCalls(props, timeLimiter, circuitBreaker, retry);
    }

    @Override
    public ConfirmOutcome confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        HttpResponse<String> response;
        try {
            response = pg.post("v1/payments/confirm", new ConfirmRequest(paymentKey, orderId, amount), idempotencyKey);
        } catch (Unknown e) {
            return new ConfirmOutcome.Unknown(e.getMessage());
        }
        if (isSuccess(response)) {
            PgPayment body = pg.parse(response, PgPayment.class);
            if (body == null || !"DONE".equals(body.status()) || body.totalAmount() == null) {
                // a 200 we cannot read is not an approval we can rely on: ask the PG's status instead
                return new ConfirmOutcome.Unknown("Unreadable confirm answer: " + abbreviate(response.body()));
            }
            return new ConfirmOutcome.Approved(body.totalAmount(), instant(body.approvedAt()));
        }
        PgError error = pg.parse(response, PgError.class);
        if (inDoubt(error, response)) {
            return new ConfirmOutcome.Unknown(notADecline(error, response));
        }
        if (error == null || error.code() == null || error.code().isBlank()) {
            String body = abbreviate(response.body());
            return new ConfirmOutcome.Unclear(
                    code(error, response),
                    message(error, response) + " (no PG error code" + (body.isBlank() ? "" : ": " + body) + ")");
        }
        return new ConfirmOutcome.Rejected(code(error, response), message(error, response));
    }

    @Override
    public StatusOutcome status(String paymentKey) {
        HttpResponse<String> response;
        try {
            response = pg.get("v1/payments/" + encode(paymentKey));
        } catch (Unknown e) {
            return new StatusOutcome.Unknown(e.getMessage());
        }
        if (response.statusCode() == 404) {
            return new StatusOutcome.NotFound();
        }
        if (!isSuccess(response)) {
            return new StatusOutcome.Unknown("Status query answered " + response.statusCode());
        }
        PgPayment body = pg.parse(response, PgPayment.class);
        if (body == null || body.status() == null) {
            return new StatusOutcome.Unknown("Unreadable status answer: " + abbreviate(response.body()));
        }
        if ("DONE".equals(body.status())) {
            return new StatusOutcome.Done(body.totalAmount(), instant(body.approvedAt()));
        }
        if (PgAnswers.NOT_APPROVED.contains(body.status())) {
            return new StatusOutcome.NotApproved(body.status());
        }
        if (PgAnswers.CANCELLED.contains(body.status())) {
            return PgAnswers.cancelled(body, response);
        }
        return new StatusOutcome.InProgress(body.status());
    }

    @Override
    public CancelOutcome cancel(String paymentKey, String reason, Long cancelAmount, String idempotencyKey) {
        HttpResponse<String> response;
        try {
            response = pg.post(
                    "v1/payments/" + encode(paymentKey) + "/cancel",
                    new CancelRequest(reason, cancelAmount),
                    idempotencyKey);
        } catch (Unknown e) {
            return new CancelOutcome.Unknown(e.getMessage());
        }
        if (isSuccess(response)) {
            PgPayment body = pg.parse(response, PgPayment.class);
            return new CancelOutcome.Cancelled(instant(body == null ? null : body.canceledAt()));
        }
        PgError error = pg.parse(response, PgError.class);
        if (inDoubt(error, response)) {
            return new CancelOutcome.Unknown(notADecline(error, response));
        }
        return new CancelOutcome.Rejected(code(error, response), message(error, response));
    }
}
