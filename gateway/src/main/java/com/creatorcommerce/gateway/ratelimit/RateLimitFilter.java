package com.creatorcommerce.gateway.ratelimit;

import com.creatorcommerce.gateway.GatewaySettings;
import com.creatorcommerce.gateway.web.Problems;
import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Rate limits every routed request: per verified user id when the request carries a valid token, per client IP
 * otherwise. Over the limit: 429 problem+json {@code RATE_LIMITED} with {@code Retry-After} (seconds), without calling
 * the service. The client IP is the connection's peer; behind a trusted load balancer set
 * {@code server.forward-headers-strategy=native} so that it comes from {@code X-Forwarded-For}.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    public static final int ORDER = -200;

    private final GatewaySettings.RateLimit settings;
    private final TokenBuckets buckets;

    public RateLimitFilter(GatewaySettings settings) {
        this.settings = settings.rateLimit();
        this.buckets = new TokenBuckets(this.settings.maxTrackedKeys());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!settings.enabled()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(p -> p instanceof JwtAuthenticationToken)
                .map(p -> check(exchange, "user:" + p.getName(), settings.user()))
                .switchIfEmpty(
                        Mono.fromSupplier(() -> check(exchange, "ip:" + clientIp(exchange), settings.anonymous())))
                .flatMap(decision -> {
                    if (decision.allowed()) {
                        exchange.getResponse()
                                .getHeaders()
                                .set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(decision.retryAfterSeconds()));
                    exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", "0");
                    return Problems.write(
                            exchange,
                            429,
                            "RATE_LIMITED",
                            "Too many requests; retry after " + decision.retryAfterSeconds() + " s",
                            Map.of("retry_after_seconds", decision.retryAfterSeconds()));
                });
    }

    private TokenBuckets.Decision check(ServerWebExchange exchange, String key, GatewaySettings.Limit limit) {
        return buckets.tryTake(key, limit);
    }

    static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
