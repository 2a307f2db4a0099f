package com.creatorcommerce.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints bearer tokens the way the identity provider would: RS256 with a per-JVM key whose public JWK set is
 * written to a file ({@link #jwkSetLocation()}) that services under test are pointed at.
 */
public final class TestJwt {

    public static final String ISSUER = "https://auth.creatorcommerce.local";
    public static final String AUDIENCE = "creator-commerce";

    private static final RSAKey KEY = generate("test-key-1");
    /** A key the services do not trust (for "signed with another key" tests). */
    private static final RSAKey FOREIGN_KEY = generate("test-key-1");

    private static volatile Path jwkSetFile;

    private TestJwt() {}

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code file:} location of the JWK set (public key) matching the tokens minted here. */
    public static String jwkSetLocation() {
        if (jwkSetFile == null) {
            synchronized (TestJwt.class) {
                if (jwkSetFile == null) {
                    try {
                        Path file = Files.createTempFile("test-jwks-", ".json");
                        Files.writeString(file, new JWKSet(KEY.toPublicJWK()).toString());
                        file.toFile().deleteOnExit();
                        jwkSetFile = file;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return "file:" + jwkSetFile;
    }

    public static String user(long userId) {
        return token(userId, List.of("USER"));
    }

    public static String admin(long userId) {
        return token(userId, List.of("USER", "ADMIN"));
    }

    public static String token(long userId, List<String> roles) {
        return builder().subject(Long.toString(userId)).roles(roles).sign();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A token builder for edge cases (expired, wrong audience, foreign key, HS256...). */
    public static final class Builder {
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("1")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(15))))
                .claim("roles", List.of("USER"));
        private RSAKey key = KEY;
        private String kid;
        private byte[] hmacSecret;

        public Builder subject(String sub) {
            claims.subject(sub);
            return this;
        }

        public Builder roles(List<String> roles) {
            claims.claim("roles", roles);
            return this;
        }

        public Builder issuer(String iss) {
            claims.issuer(iss);
            return this;
        }

        public Builder audience(String aud) {
            claims.audience(aud);
            return this;
        }

        public Builder expiresAt(Instant exp) {
            claims.expirationTime(exp == null ? null : Date.from(exp));
            return this;
        }

        public Builder notBefore(Instant nbf) {
            claims.notBeforeTime(Date.from(nbf));
            return this;
        }

        public Builder signedWithForeignKey() {
            this.key = FOREIGN_KEY;
            return this;
        }

        public Builder keyId(String kid) {
            this.kid = kid;
            return this;
        }

        public Builder hmac(byte[] secret) {
            this.hmacSecret = secret;
            return this;
        }

        public String sign() {
            try {
                if (hmacSecret != null) {
                    SignedJWT jwt = new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.HS256)
                                    .type(JOSEObjectType.JWT)
                                    .build(),
                            claims.build());
                    jwt.sign(new MACSigner(hmacSecret));
                    return jwt.serialize();
                }
                JWSSigner signer = new RSASSASigner(key);
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .type(JOSEObjectType.JWT)
                                .keyID(kid != null ? kid : key.getKeyID())
                                .build(),
                        claims.build());
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
