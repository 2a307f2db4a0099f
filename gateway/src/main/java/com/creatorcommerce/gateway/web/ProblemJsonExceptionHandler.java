package com.creatorcommerce.gateway.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Every error the gateway answers itself is RFC 9457 problem+json with a stable {@code code}: a service that is down
 * or whose circuit is open is 503 {@code SERVICE_UNAVAILABLE}, one that is too slow 504 {@code UPSTREAM_TIMEOUT}, one
 * that drops the connection 502 {@code BAD_GATEWAY}; no route 404, and anything unexpected 500 without details.
 * Runs before Boot's default handler (order -1).
 */
@Component
@Order(-2)
public class ProblemJsonExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonExceptionHandler.class);

    private final ObjectProvider<CircuitBreakerRegistry> circuitBreakers;

    public ProblemJsonExceptionHandler(ObjectProvider<CircuitBreakerRegistry> circuitBreakers) {
        this.circuitBreakers = circuitBreakers;
    }

    record Classified(int status, String code, String detail) {}

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route != null ? route.getId() : null;
        Classified problem = classify(ex, service);
        Map<String, Object> extra = new LinkedHashMap<>();
        if (service != null && problem.status() >= 500) {
            extra.put("service", service);
        }
        Object requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
        if (requestId != null) {
            extra.put("request_id", requestId);
        }
        if (problem.status() == 500) {
            log.error(
                    "Unexpected error on {} {} (request {})",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    requestId,
                    ex);
        } else if (problem.status() >= 502) {
            log.warn(
                    "{} {} -> {} {} (service {}, request {}): {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    problem.status(),
                    problem.code(),
                    service,
                    requestId,
                    ex.toString());
        }
        if (problem.status() == 503 && "CIRCUIT_OPEN".equals(problemReason(ex)) && service != null) {
            retryAfterSeconds(service)
                    .ifPresent(s -> exchange.getResponse().getHeaders().set("Retry-After", Long.toString(s)));
        }
        exchange.getResponse().getHeaders().remove("Content-Length");
        return Problems.write(exchange, problem.status(), problem.code(), problem.detail(), extra);
    }

    static Classified classify(Throwable ex, String service) {
        String who = service != null ? service : "the service";
        switch (problemReason(ex)) {
            case "CIRCUIT_OPEN":
                return new Classified(
                        503,
                        "SERVICE_UNAVAILABLE",
                        who + " is failing; the gateway stops calling it for a moment. Try again shortly");
            case "UNREACHABLE":
                return new Classified(503, "SERVICE_UNAVAILABLE", who + " cannot be reached. Try again shortly");
            case "TIMEOUT":
                return new Classified(504, "UPSTREAM_TIMEOUT", who + " did not answer in time");
            case "DROPPED":
                return new Classified(502, "BAD_GATEWAY", who + " closed the connection without an answer");
            default:
                break;
        }
        HttpStatusCode status = statusOf(ex);
        int code = status.value();
        return switch (code) {
            case 400 -> new Classified(400, "BAD_REQUEST", reasonOr(ex, "The request is malformed"));
            case 404 -> new Classified(404, "NOT_FOUND", "No resource at this path");
            case 405 -> new Classified(405, "METHOD_NOT_ALLOWED", "This method is not allowed here");
            case 413 -> new Classified(413, "PAYLOAD_TOO_LARGE", reasonOr(ex, "The request body is too large"));
            case 415 -> new Classified(415, "UNSUPPORTED_MEDIA_TYPE", "This content type is not supported");
            case 503 -> new Classified(503, "SERVICE_UNAVAILABLE", who + " is unavailable. Try again shortly");
            case 504 -> new Classified(504, "UPSTREAM_TIMEOUT", who + " did not answer in time");
            default ->
                code >= 500
                        ? new Classified(500, "INTERNAL_ERROR", "An unexpected error occurred")
                        : new Classified(
                                code,
                                HttpStatus.resolve(code) != null
                                        ? HttpStatus.resolve(code).name()
                                        : "ERROR",
                                reasonOr(ex, "The request failed"));
        };
    }

    /** What went wrong with the call to the service, by walking the cause chain; "" if it was not a call failure. */
    static String problemReason(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CallNotPermittedException || t instanceof ServiceUnavailableException) {
                return "CIRCUIT_OPEN";
            }
            if (t instanceof ConnectException
                    || t instanceof ConnectTimeoutException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return "UNREACHABLE";
            }
            if (t instanceof TimeoutException
                    || t instanceof ReadTimeoutException
                    || t instanceof org.springframework.cloud.gateway.support.TimeoutException) {
                return "TIMEOUT";
            }
            if (t instanceof PrematureCloseException) {
                return "DROPPED";
            }
            if (t instanceof java.io.IOException io
                    && io.getMessage() != null
                    && io.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connection reset")) {
                return "DROPPED";
            }
        }
        return "";
    }

    private static HttpStatusCode statusOf(Throwable ex) {
        if (ex instanceof ResponseStatusException rse) {
            return rse.getStatusCode();
        }
        var annotation = MergedAnnotations.from(ex.getClass(), MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(ResponseStatus.class);
        if (annotation.isPresent()) {
            return annotation.getEnum("code", HttpStatus.class);
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String reasonOr(Throwable ex, String fallback) {
        if (ex instanceof ResponseStatusException rse
                && rse.getReason() != null
                && !rse.getReason().isBlank()) {
            return rse.getReason();
        }
        return fallback;
    }

    private java.util.Optional<Long> retryAfterSeconds(String service) {
        CircuitBreakerRegistry registry = circuitBreakers.getIfAvailable();
        if (registry == null) {
            return java.util.Optional.empty();
        }
        return registry.find(service).map(cb -> {
            long millis = cb.getCircuitBreakerConfig()
                    .getWaitIntervalFunctionInOpenState()
                    .apply(1);
            return Math.max(1, (millis + 999) / 1000);
        });
    }
}
