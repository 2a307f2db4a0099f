package com.creatorcommerce.platform.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Builds the Nimbus processor that checks a token's signature: only the algorithms of the configured keys are
 * accepted, so {@code alg: none}, an unknown {@code kid}, a key of another issuer or a tampered payload all fail.
 * Claims ({@code iss}, {@code aud}, {@code exp}, {@code nbf}, {@code sub}) are checked afterwards by
 * {@link JwtValidators}.
 */
public final class JwtProcessors {

    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.PS256);

    private JwtProcessors() {}

    public static ConfigurableJWTProcessor<SecurityContext> create(JwtProperties props) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        if (props.jwkSetUri() != null && !props.jwkSetUri().isBlank()) {
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ASYMMETRIC, remote(props.jwkSetUri())));
        } else if (props.jwkSetLocation() != null && !props.jwkSetLocation().isBlank()) {
            processor.setJWSKeySelector(
                    new JWSVerificationKeySelector<>(ASYMMETRIC, new ImmutableJWKSet<>(load(props.jwkSetLocation()))));
        } else if (props.hmacSecret() != null && !props.hmacSecret().isBlank()) {
            if (!props.allowHmac()) {
                throw new IllegalStateException(
                        "platform.security.jwt.hmac-secret is for the dev profile only "
                                + "(set platform.security.jwt.allow-hmac=true there); configure jwk-set-uri or jwk-set-location");
            }
            byte[] secret = props.hmacSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new IllegalStateException("platform.security.jwt.hmac-secret must be at least 32 bytes");
            }
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                    JWSAlgorithm.HS256, new ImmutableSecret<>(new SecretKeySpec(secret, "HmacSHA256"))));
        } else {
            throw new IllegalStateException("No JWT verification keys: set platform.security.jwt.jwk-set-uri or "
                    + "platform.security.jwt.jwk-set-location (or hmac-secret in the dev profile)");
        }
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // claims are validated by Spring validators (JwtValidators) so that errors are uniform
        });
        return processor;
    }

    private static JWKSource<SecurityContext> remote(String uri) {
        try {
            return JWKSourceBuilder.create(URI.create(uri).toURL())
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Invalid platform.security.jwt.jwk-set-uri: " + uri, e);
        }
    }

    private static JWKSet load(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return JWKSet.load(in).toPublicJWKSet();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JWK set " + location, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Invalid JWK set " + location, e);
        }
    }
}
