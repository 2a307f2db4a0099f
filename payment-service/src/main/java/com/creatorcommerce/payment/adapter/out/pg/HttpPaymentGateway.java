package com.creatorcommerce.payment.adapter.out.pg;

import com.creatorcommerce.payment.application.port.PaymentGateway;
import com.creatorcommerce.payment.config.PaymentGatewayProperties;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PG over HTTP/1.1 with the JDK client. Every call runs as Retry(CircuitBreaker(TimeLimiter(call))):
 * <ul>
 *   <li>the time limiter bounds one attempt and cancels the exchange when it is exceeded;</li>
 *   <li>a timeout, an I/O failure (connection reset, refused) or a 5xx / 408 / 429 answer is retried with backoff,
 *       with the same {@code Idempotency-Key}, and counts as a failure for the circuit breaker;</li>
 *   <li>when the retries are used up or the breaker is open, the outcome is {@code Unknown}. Nothing here guesses an
 *       outcome.</li>
 * </ul>
 * A 4xx answer is not always a decline. The PG answers 409 (e.g. {@code IDEMPOTENT_REQUEST_PROCESSING}: "a request
 * with this Idempotency-Key is still being processed") or codes such as {@code ALREADY_PROCESSED_PAYMENT},
 * {@code DUPLICATED_ORDER_ID} or {@code PROVIDER_ERROR} when the payment is in progress, already done (possibly by our
 * own earlier attempt with the same key) or hit a temporary problem: those are {@code Unknown}, resolved by the status
 * query. A 4xx without a readable PG code is {@code Unclear} (the caller asks the status and, if still unclear,
 * re-checks later). Any other 4xx with the PG's code is a definite {@code Rejected}.
 * The PG speaks camelCase JSON (its own mapper), unlike our snake_case API.
 */
public class HttpPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpPaymentGateway.class);
    private static final Set<String> NOT_APPROVED = Set.of("ABORTED", "EXPIRED");
    private static final Set<String> CANCELLED = Set.of("CANCELED", "PARTIAL_CANCELED");
    /**
     * PG codes of 4xx answers that do not decline the payment: it is being processed (our own earlier attempt with the
     * same key), already processed, or the PG / card issuer had a temporary problem. The outcome is unknown.
     */
    static final Set<String> IN_DOUBT = Set.of("IDEMPOTENT_REQUEST_PROCESSING", "ALREADY_PROCESSED_PAYMENT",
            "DUPLICATED_ORDER_ID", "PROVIDER_ERROR", "CARD_PROCESSING_ERROR",
            "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING", "FAILED_INTERNAL_SYSTEM_PROCESSING", "UNKNOWN_PAYMENT_ERROR");

    private final HttpClient http;
    private final URI baseUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public HttpPaymentGateway(PaymentGatewayProperties props, TimeLimiter timeLimiter, CircuitBreaker circuitBreaker,
            Retry retry) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(props.connectTimeout()).build();
        String base = props.baseUrl().toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.authorization = props.secretKey() == null || props.secretKey().isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString((props.secretKey() + ":")
                        .getBytes(StandardCharsets.UTF_8));
        // a safety net behind the time limiter: no exchange outlives it by much even if a cancel is missed
        this.requestTimeout = timeLimiter.getTimeLimiterConfig().getTimeoutDuration().plusSeconds(2);
        this.timeLimiter = timeLimiter;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
    }

    // ------------------------------------------------------------------------------------------- PG JSON

    record ConfirmRequest(String paymentKey, String orderId, long amount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CancelRequest(String cancelReason, Long cancelAmount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PgPayment(String paymentKey, String orderId, String status, Long totalAmount, Long balanceAmount,
            String approvedAt, String canceledAt, List<PgCancel> cancels) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PgCancel(Long cancelAmount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PgError(String code, String message) {
    }

    // ------------------------------------------------------------------------------------------- API

    @Override
    public ConfirmOutcome confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        HttpRequest request = post("v1/payments/confirm", new ConfirmRequest(paymentKey, orderId, amount),
                idempotencyKey);
        HttpResponse<String> response;
        try {
            response = call(request);
        } catch (Unknown e) {
            return new ConfirmOutcome.Unknown(e.getMessage());
        }
        if (isSuccess(response)) {
            PgPayment body = parse(response, PgPayment.class);
            if (body == null || !"DONE".equals(body.status()) || body.totalAmount() == null) {
                // a 200 we cannot read is not an approval we can rely on: ask the PG's status instead
                return new ConfirmOutcome.Unknown("Unreadable confirm answer: " + abbreviate(response.body()));
            }
            return new ConfirmOutcome.Approved(body.totalAmount(), instant(body.approvedAt()));
        }
        PgError error = parse(response, PgError.class);
        if (inDoubt(error, response)) {
            return new ConfirmOutcome.Unknown(notADecline(error, response));
        }
        if (error == null || error.code() == null || error.code().isBlank()) {
            String body = abbreviate(response.body());
            return new ConfirmOutcome.Unclear(code(error, response), message(error, response) + " (no PG error code"
                    + (body.isBlank() ? "" : ": " + body) + ")");
        }
        return new ConfirmOutcome.Rejected(code(error, response), message(error, response));
    }

    @Override
    public StatusOutcome status(String paymentKey) {
        HttpRequest request = requestTo("v1/payments/" + encode(paymentKey)).GET().build();
        HttpResponse<String> response;
        try {
            response = call(request);
        } catch (Unknown e) {
            return new StatusOutcome.Unknown(e.getMessage());
        }
        if (response.statusCode() == 404) {
            return new StatusOutcome.NotFound();
        }
        if (!isSuccess(response)) {
            return new StatusOutcome.Unknown("Status query answered " + response.statusCode());
        }
        PgPayment body = parse(response, PgPayment.class);
        if (body == null || body.status() == null) {
            return new StatusOutcome.Unknown("Unreadable status answer: " + abbreviate(response.body()));
        }
        if ("DONE".equals(body.status())) {
            return new StatusOutcome.Done(body.totalAmount(), instant(body.approvedAt()));
        }
        if (NOT_APPROVED.contains(body.status())) {
            return new StatusOutcome.NotApproved(body.status());
        }
        if (CANCELLED.contains(body.status())) {
            return cancelled(body, response);
        }
        return new StatusOutcome.InProgress(body.status());
    }

    /** CANCELED / PARTIAL_CANCELED: how much is still approved, or Unknown when the answer does not say. */
    private static StatusOutcome cancelled(PgPayment body, HttpResponse<String> response) {
        Long total = body.totalAmount();
        Long balance = body.balanceAmount();
        if (balance == null && total != null && body.cancels() != null && !body.cancels().isEmpty()
                && body.cancels().stream().allMatch(c -> c != null && c.cancelAmount() != null)) {
            balance = total - body.cancels().stream().mapToLong(PgCancel::cancelAmount).sum();
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

    @Override
    public CancelOutcome cancel(String paymentKey, String reason, Long cancelAmount, String idempotencyKey) {
        HttpRequest request = post("v1/payments/" + encode(paymentKey) + "/cancel",
                new CancelRequest(reason, cancelAmount), idempotencyKey);
        HttpResponse<String> response;
        try {
            response = call(request);
        } catch (Unknown e) {
            return new CancelOutcome.Unknown(e.getMessage());
        }
        if (isSuccess(response)) {
            PgPayment body = parse(response, PgPayment.class);
            return new CancelOutcome.Cancelled(instant(body == null ? null : body.canceledAt()));
        }
        PgError error = parse(response, PgError.class);
        if (inDoubt(error, response)) {
            return new CancelOutcome.Unknown(notADecline(error, response));
        }
        return new CancelOutcome.Rejected(code(error, response), message(error, response));
    }

    // ------------------------------------------------------------------------------------------- plumbing

    /** Why an outcome is unknown (never leaves this class). */
    private static final class Unknown extends Exception {
        Unknown(String message) {
            super(message, null, false, false);
        }
    }

    /** One logical call: retries of {@code request} (same headers, so the same Idempotency-Key). */
    private HttpResponse<String> call(HttpRequest request) throws Unknown {
        Callable<HttpResponse<String>> attempt = TimeLimiter.decorateFutureSupplier(timeLimiter,
                () -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                    if (isServerError(r.statusCode())) {
                        throw new PgServerErrorException(r.statusCode(), r.body());
                    }
                    return r;
                }));
        Callable<HttpResponse<String>> guarded = CircuitBreaker.decorateCallable(circuitBreaker, attempt);
        Callable<HttpResponse<String>> retried = Retry.decorateCallable(retry, guarded);
        try {
            return retried.call();
        } catch (CallNotPermittedException e) {
            throw new Unknown("PG circuit breaker is open: " + request.method() + " " + request.uri().getPath()
                    + " not sent");
        } catch (TimeoutException e) {
            throw new Unknown("PG did not answer within " + timeLimiter.getTimeLimiterConfig().getTimeoutDuration()
                    + " (" + retry.getRetryConfig().getMaxAttempts() + " attempts)");
        } catch (PgServerErrorException e) {
            throw new Unknown(e.getMessage());
        } catch (IOException e) {
            throw new Unknown("PG connection failed: " + e);
        } catch (java.util.concurrent.CompletionException e) {
            throw new Unknown("PG call failed: " + (e.getCause() == null ? e : e.getCause()));
        } catch (Exception e) {
            log.warn("Unexpected PG client failure on {} {}", request.method(), request.uri(), e);
            throw new Unknown("PG call failed: " + e);
        }
    }

    /** What the retry and the circuit breaker treat as a transient failure (the outcome may be anything). */
    public static boolean isTransient(Throwable t) {
        return t instanceof TimeoutException || t instanceof IOException || t instanceof PgServerErrorException
                || (t instanceof java.util.concurrent.CompletionException c && c.getCause() instanceof IOException);
    }

    private static boolean isServerError(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    /** 409, or a 4xx with a code that says "in progress / already done / try again" rather than "no". */
    private static boolean inDoubt(PgError error, HttpResponse<?> r) {
        return r.statusCode() == 409 || (error != null && error.code() != null && IN_DOUBT.contains(error.code()));
    }

    private static String notADecline(PgError error, HttpResponse<?> r) {
        return "PG answered " + r.statusCode() + " " + code(error, r) + " (" + message(error, r)
                + "): not a decline, the outcome is unknown";
    }

    private static boolean isSuccess(HttpResponse<?> r) {
        return r.statusCode() >= 200 && r.statusCode() < 300;
    }

    private HttpRequest post(String path, Object body, String idempotencyKey) {
        return requestTo(path).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    }

    private HttpRequest.Builder requestTo(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(requestTimeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private <T> T parse(HttpResponse<String> response, Class<T> type) {
        try {
            String body = response.body();
            return body == null || body.isBlank() ? null : json.readValue(body, type);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String code(PgError error, HttpResponse<?> r) {
        return error != null && error.code() != null && !error.code().isBlank() ? error.code() : "PG_HTTP_" + r.statusCode();
    }

    private static String message(PgError error, HttpResponse<?> r) {
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

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
