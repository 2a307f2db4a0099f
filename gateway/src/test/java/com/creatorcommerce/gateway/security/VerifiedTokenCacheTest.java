package com.creatorcommerce.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokenCacheTest {

    private Instant now = Instant.parse("2026-01-01T10:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Accepts "good-*" tokens valid for 10 minutes from "issue time" = the clock when first verified. */
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        Instant exp = Instant.parse("2026-01-01T10:10:00Z");
        if (now.isAfter(exp.plusSeconds(30))) {
            return Mono.error(new BadJwtException("expired"));
        }
        return Mono.just(Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("7")
                .issuedAt(Instant.parse("2026-01-01T10:00:00Z"))
                .expiresAt(exp)
                .build());
    };

    private VerifiedTokenCache cache(int max) {
        return new VerifiedTokenCache(verifier, Duration.ofSeconds(30), max, Duration.ofMinutes(5), clock);
    }

    @Test
    void verifiesATokenOnceAndThenServesItFromMemory() {
        VerifiedTokenCache cache = cache(100);

        assertThat(cache.decode("good-1").block().getSubject()).isEqualTo("7");
        assertThat(cache.decode("good-1").block().getSubject()).isEqualTo("7");
        assertThat(cache.decode("good-1").block().getSubject()).isEqualTo("7");

        assertThat(verifications).hasValue(1);
    }

    @Test
    void neverRemembersARejectionNorTreatsAnotherTokenAsTheSame() {
        VerifiedTokenCache cache = cache(100);
        cache.decode("good-1").block();

        assertThatThrownBy(() -> cache.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("bad-1").block()).isInstanceOf(BadJwtException.class);
        cache.decode("good-2").block();

        assertThat(verifications).hasValue(4);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void stopsHonouringARememberedTokenOnceItExpiresBeyondTheSkew() {
        VerifiedTokenCache cache = cache(100);
        now = Instant.parse("2026-01-01T10:09:00Z");
        cache.decode("good-1").block();

        now = Instant.parse("2026-01-01T10:10:20Z"); // expired 20 s ago: within the 30 s skew, but past the entry
        assertThat(cache.decode("good-1").block()).isNotNull();
        now = Instant.parse("2026-01-01T10:11:00Z"); // 60 s past exp
        assertThatThrownBy(() -> cache.decode("good-1").block()).isInstanceOf(BadJwtException.class);
    }

    @Test
    void verifiesAgainAfterTheTimeToLive() {
        VerifiedTokenCache cache = cache(100);
        cache.decode("good-1").block();
        now = now.plus(Duration.ofMinutes(6)).minusSeconds(59); // entry lives 5 minutes

        cache.decode("good-1").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void staysWithinItsBound() {
        VerifiedTokenCache cache = cache(10);
        for (int i = 0; i < 25; i++) {
            cache.decode("good-" + i).block();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
}
