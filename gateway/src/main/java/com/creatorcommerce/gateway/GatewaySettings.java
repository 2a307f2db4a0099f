package com.creatorcommerce.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code platform.gateway.*}: what the gateway adds in front of the services. Route addresses are
 * {@code platform.routes.<service>}; token verification is {@code platform.security.jwt.*} (shared with the services).
 *
 * @param authenticatedPaths ant patterns that always need a token, even inside a public pattern
 * @param maxRequestSize largest request body accepted (413 above it)
 * @param rateLimit per-user and per-IP limits
 * @param cors cross-origin policy for browser clients
 * @param strippedHeaderPrefixes request headers (name prefixes, case-insensitive) a client may not send, because the
 *     gateway alone asserts identity to the services
 * @param tokenCache remembering verified tokens (saves the signature check when a client reuses its token)
 */
@ConfigurationProperties("platform.gateway")
public record GatewaySettings(
        List<String> authenticatedPaths,
        DataSize maxRequestSize,
        RateLimit rateLimit,
        Cors cors,
        List<String> strippedHeaderPrefixes,
        TokenCache tokenCache) {

    public static final List<String> DEFAULT_STRIPPED_HEADER_PREFIXES = List.of(
            "X-User-",
            "X-Auth-",
            "X-Authenticated-",
            "X-Forwarded-User",
            "X-Remote-User",
            "Remote-User",
            "X-Roles",
            "X-Principal");

    public GatewaySettings {
        authenticatedPaths = authenticatedPaths == null ? List.of() : List.copyOf(authenticatedPaths);
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
        rateLimit = rateLimit == null ? new RateLimit(true, null, null, 0) : rateLimit;
        cors = cors == null ? new Cors(null, null, null, null, null, false, null) : cors;
        strippedHeaderPrefixes = strippedHeaderPrefixes == null || strippedHeaderPrefixes.isEmpty()
                ? DEFAULT_STRIPPED_HEADER_PREFIXES
                : List.copyOf(strippedHeaderPrefixes);
        tokenCache = tokenCache == null ? new TokenCache(4096, null) : tokenCache;
    }

    /**
     * @param maxEntries verified tokens remembered (0: verify every request from scratch)
     * @param ttl longest time a token is remembered (also bounded by its exp)
     */
    public record TokenCache(int maxEntries, Duration ttl) {
        public TokenCache {
            ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
        }
    }

    /**
     * Token buckets held in this gateway instance's memory (no shared store): with N instances behind a load
     * balancer a client gets up to N times the limit.
     *
     * @param enabled off: no limit at all
     * @param user bucket per verified user id
     * @param anonymous bucket per client IP for requests without a token
     * @param maxTrackedKeys bound on the number of buckets kept in memory
     */
    public record RateLimit(boolean enabled, Limit user, Limit anonymous, int maxTrackedKeys) {
        public RateLimit {
            user = user == null ? new Limit(200, 100) : user;
            anonymous = anonymous == null ? new Limit(100, 50) : anonymous;
            maxTrackedKeys = maxTrackedKeys <= 0 ? 100_000 : maxTrackedKeys;
        }
    }

    /**
     * @param capacity burst: requests allowed at once from a full bucket
     * @param refillPerSecond sustained rate
     */
    public record Limit(long capacity, double refillPerSecond) {
        public Limit {
            if (capacity <= 0 || refillPerSecond <= 0) {
                throw new IllegalArgumentException("rate limit capacity and refill-per-second must be positive");
            }
        }
    }

    /** Cross-origin policy; no origin is allowed unless listed. */
    public record Cors(
            List<String> allowedOrigins,
            List<String> allowedOriginPatterns,
            List<String> allowedMethods,
            List<String> allowedHeaders,
            List<String> exposedHeaders,
            boolean allowCredentials,
            Duration maxAge) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            allowedOriginPatterns = allowedOriginPatterns == null ? List.of() : List.copyOf(allowedOriginPatterns);
            allowedMethods = allowedMethods == null || allowedMethods.isEmpty()
                    ? List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
                    : List.copyOf(allowedMethods);
            allowedHeaders = allowedHeaders == null || allowedHeaders.isEmpty()
                    ? List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id")
                    : List.copyOf(allowedHeaders);
            exposedHeaders = exposedHeaders == null
                    ? List.of("X-Request-Id", "Retry-After", "Location")
                    : List.copyOf(exposedHeaders);
            maxAge = maxAge == null ? Duration.ofMinutes(30) : maxAge;
        }
    }
}
