package com.creatorcommerce.platform.security;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/** Claim checks shared by the gateway and the services. */
public final class JwtValidators {

    private JwtValidators() {}

    public static OAuth2TokenValidator<Jwt> of(JwtProperties props) {
        OAuth2TokenValidator<Jwt> audience =
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(props.audience()));
        OAuth2TokenValidator<Jwt> expiryRequired = jwt -> jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(invalid("The token has no exp claim"));
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(props.clockSkew()),
                expiryRequired,
                new JwtIssuerValidator(props.issuer()),
                audience,
                JwtValidators::subjectIsUserId);
    }

    /** The subject is the user id: a positive 64-bit number. */
    static OAuth2TokenValidatorResult subjectIsUserId(Jwt jwt) {
        String sub = jwt.getSubject();
        try {
            if (sub != null && Long.parseLong(sub) > 0) {
                return OAuth2TokenValidatorResult.success();
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        return OAuth2TokenValidatorResult.failure(invalid("The token subject is not a user id"));
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
