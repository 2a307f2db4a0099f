package com.creatorcommerce.payment.adapter.out.pg;

import static com.creatorcommerce.payment.adapter.out.pg.PgAnswers.isServerError;

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
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 exchanges with the PG (the JDK client, its base URL and secret key, camelCase JSON with its own mapper),
 * each one logical call run as Retry(CircuitBreaker(TimeLimiter(call))):
 * <ul>
 *   <li>the time limiter bounds one attempt and cancels the exchange when it is exceeded;</li>
 *   <li>a timeout, an I/O failure (connection reset, refused) or a 5xx / 408 / 429 answer is retried with backoff,
 *       with the same {@code Idempotency-Key}, and counts as a failure for the circuit breaker;</li>
 *   <li>when the retries are used up or the breaker is open, the call ends in {@link Unknown}. Nothing here guesses
 *       an outcome: what an answer means is {@link HttpPaymentGateway}'s.</li>
 * </ul>
 */
final class PgHttpCalls {

    private static final Logger log = LoggerFactory.getLogger(PgHttpCalls.class);

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

    PgHttpCalls(PaymentGatewayProperties props, TimeLimiter timeLimiter, CircuitBreaker circuitBreaker, Retry retry) {
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

    /** Why the outcome of a call is unknown: no answer, or a 5xx / 408 / 429 one, after the retries. */
    static final class Unknown extends Exception {
        Unknown(String message) {
            super(message, null, false, false);
        }
    }

    /** GET {@code path} (relative to the base URL). */
    HttpResponse<String> get(String path) throws Unknown {
        return call(requestTo(path).GET().build());
    }

    /** POST {@code body} as JSON to {@code path} with its {@code Idempotency-Key} (every retry sends the same). */
    HttpResponse<String> post(String path, Object body, String idempotencyKey) throws Unknown {
        return call(requestTo(path)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
    }

    /** The answer's body as {@code type}; null when it is empty or unreadable. */
    <T> T parse(HttpResponse<String> response, Class<T> type) {
        try {
            String body = response.body();
            return body == null || body.isBlank() ? null : json.readValue(body, type);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code s} as one path segment. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What the retry and the circuit breaker treat as a transient failure (the outcome may be anything). */
    static boolean isTransient(Throwable t) {
        return t instanceof TimeoutException
                || t instanceof IOException
                || t instanceof PgServerErrorException
                || (t instanceof CompletionException c && c.getCause() instanceof IOException);
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
        } catch (CompletionException e) {
            throw new Unknown("PG call failed: " + (e.getCause() == null ? e : e.getCause()));
        } catch (Exception e) {
            log.warn("Unexpected PG client failure on {} {}", request.method(), request.uri(), e);
            throw new Unknown("PG call failed: " + e);
        }
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
}
