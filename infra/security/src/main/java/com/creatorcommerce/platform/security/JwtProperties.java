package com.creatorcommerce.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.security.jwt.*}: how bearer tokens are verified, identically at the gateway and in every service.
 *
 * <p>Production: RS256/ES256 keys from a JWK set, by URI ({@code jwk-set-uri}, e.g. the identity provider's
 * {@code /.well-known/jwks.json}) or a file ({@code jwk-set-location}). {@code hmac-secret} (HS256) exists for the
 * dev profile only and is refused unless {@code allow-hmac} is true.
 *
 * @param issuer required {@code iss}
 * @param audience required member of {@code aud}
 * @param jwkSetUri JWK set URL
 * @param jwkSetLocation JWK set file (Spring resource location, e.g. {@code file:/etc/keys/jwks.json})
 * @param hmacSecret HS256 shared secret (dev only, at least 32 bytes)
 * @param allowHmac must be true for {@code hmac-secret} to be accepted
 * @param clockSkew tolerance on {@code exp}/{@code nbf}
 * @param publicPaths ant patterns that need no token (all methods), beyond health and API docs; they never open
 *     {@code /v1/admin/**}, which needs role ADMIN whatever these patterns match
 * @param publicGetPaths ant patterns that need no token for GET only (e.g. catalog browsing); same exception
 */
@ConfigurationProperties("platform.security.jwt")
public record JwtProperties(
        String issuer,
        String audience,
        String jwkSetUri,
        String jwkSetLocation,
        String hmacSecret,
        boolean allowHmac,
        Duration clockSkew,
        List<String> publicPaths,
        List<String> publicGetPaths) {

    public static final String DEFAULT_ISSUER = "https://auth.creatorcommerce.local";
    public static final String DEFAULT_AUDIENCE = "creator-commerce";

    public JwtProperties {
        issuer = issuer == null || issuer.isBlank() ? DEFAULT_ISSUER : issuer;
        audience = audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
    }
}
