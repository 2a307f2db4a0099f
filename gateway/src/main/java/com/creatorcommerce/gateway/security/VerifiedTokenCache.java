package com.creatorcommerce.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature and claims were fully verified, keyed by the exact token text, so that a client
 * sending the same token again does not cost another RSA verification. A hit is re-checked against {@code exp} /
 * {@code nbf} (with the clock skew) every time; an entry lives at most {@code ttl} (so a key removed from the JWK set
 * stops being honoured within that time), and the map is bounded ({@code maxEntries}; cleared when full). Only
 * successes are cached: every rejected token is verified again, and any changed byte is a different key.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private record Entry(Jwt jwt, Instant until) {}

    private final ReactiveJwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedTokenCache(ReactiveJwtDecoder delegate, Duration clockSkew, int maxEntries, Duration ttl, Clock clock) {
        this.delegate = delegate;
        JwtTimestampValidator validator = new JwtTimestampValidator(clockSkew);
        validator.setClock(clock);
        this.timestamps = validator;
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Entry hit = entries.get(token);
        if (hit != null) {
            if (clock.instant().isBefore(hit.until())
                    && !timestamps.validate(hit.jwt()).hasErrors()) {
                return Mono.just(hit.jwt());
            }
            entries.remove(token, hit); // expired: let the full verification give the precise rejection
        }
        return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        Instant until = clock.instant().plus(ttl);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        entries.put(token, new Entry(jwt, until));
    }

    int size() {
        return entries.size();
    }
}
