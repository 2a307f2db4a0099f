package com.creatorcommerce.payment.adapter.out.pg;

import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.abbreviate;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.code;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.inDoubt;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.instant;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.isServerError;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.isSuccess;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.message;
import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.notADecline;

import com.creatorcommerce.payment.adapter.out.pg.PgAnswers.CancelRequest;
import com.creatorcommerce.payment.adapter.out.pg.PgAnswers.ConfirmRequest;
import com.creatorcommerce.payment.adapter.out.pg.PgAnswers.PgError;
import com.creatorcommerce.payment.adapter.out.pg.PgAnswers.PgPayment;
import com.creatorcommerce.payment.application.port.PaymentGateway;
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
import java.util.Base64;
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
class HttpPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpPaymentGateway.class);

    private final HttpClient http;
    private final URI baseUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    HttpPaymentGateway(
            PaymentGatewayProperties props, TimeLimiter timeLimiter, CircuitBreaker circuitBreaker, Retry retry) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(props.connectTimeout())
                .build();
        String base = props.baseUrl().toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.authorization = props.secretKey() == null || props.secretKey().isBlank()
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((props.secretKey() + ":").getBytes(StandardCharsets.UTF_8));
        // a safety net behind the time limiter: no exchange outlives it by much even if a cancel is missed
        this.requestTimeout =
                timeLimiter.getTimeLimiterConfig().getTimeoutDuration().plusSeconds(2);
        this.timeLimiter = timeLimiter;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
    }

    // ------------------------------------------------------------------------------------------- API

    @Override
    public ConfirmOutcome confirm(String paymentKey, String orderId, long amount, String idempotencyKey) {
        HttpRequest request =
                post("v1/payments/confirm", new ConfirmRequest(paymentKey, orderId, amount), idempotencyKey);
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
            return new ConfirmOutcome.Unclear(
                    code(error, response),
                    message(error, response) + " (no PG error code" + (body.isBlank() ? "" : ": " + body) + ")");
        }
        return new ConfirmOutcome.Rejected(code(error, response), message(error, response));
    }

    @Override
    public StatusOutcome status(String paymentKey) {
        HttpRequest request =
                requestTo("v1/payments/" + encode(paymentKey)).GET().build();
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
        HttpRequest request = post(
                "v1/payments/" + encode(paymentKey) + "/cancel",
                new CancelRequest(reason, cancelAmount),
                idempotencyKey);
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
        Callable<HttpResponse<String>> attempt = TimeLimiter.decorateFutureSupplier(
                timeLimiter,
                () -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .thenApply(r -> {
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
            throw new Unknown("PG circuit breaker is open: " + request.method() + " "
                    + request.uri().getPath() + " not sent");
        } catch (TimeoutException e) {
            throw new Unknown("PG did not answer within "
                    + timeLimiter.getTimeLimiterConfig().getTimeoutDuration() + " ("
                    + retry.getRetryConfig().getMaxAttempts() + " attempts)");
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
    static boolean isTransient(Throwable t) {
        return t instanceof TimeoutException
                || t instanceof IOException
                || t instanceof PgServerErrorException
                || (t instanceof java.util.concurrent.CompletionException c && c.getCause() instanceof IOException);
    }

    private HttpRequest post(String path, Object body, String idempotencyKey) {
        return requestTo(path)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
    }

    private HttpRequest.Builder requestTo(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(requestTimeout)
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

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
