package com.creatorcommerce.gateway;

import com.creatorcommerce.platform.security.JwtProperties;
import com.creatorcommerce.platform.security.Roles;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dev profile only: issues HS256 tokens for any user so the platform can be tried without an identity provider.
 * In production this bean does not exist and the gateway verifies the identity provider's RS256 tokens.
 */
@RestController
@Profile("dev")
class DevTokenController {

    static final Duration TTL = Duration.ofHours(1);

    private final JwtProperties props;

    DevTokenController(JwtProperties props) {
        this.props = props;
    }

    record DevTokenRequest(@JsonProperty("user_id") String userId, List<String> roles) {
    }

    record DevTokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
    }

    @PostMapping("/auth/dev-token")
    ResponseEntity<?> issue(@RequestBody(required = false) DevTokenRequest request) throws JOSEException {
        long userId;
        try {
            userId = request == null || request.userId() == null ? -1 : Long.parseLong(request.userId().trim());
        } catch (NumberFormatException e) {
            userId = -1;
        }
        if (userId <= 0) {
            return badRequest("user_id must be a positive 64-bit number (as a string)");
        }
        List<String> roles = request.roles() == null || request.roles().isEmpty() ? List.of(Roles.USER)
                : request.roles();
        if (!Roles.KNOWN.containsAll(roles)) {
            return badRequest("roles may only contain " + Roles.KNOWN);
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(props.issuer()).audience(props.audience())
                .subject(Long.toString(userId)).claim(Roles.CLAIM, roles).issueTime(Date.from(now))
                .notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(TTL)))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(new MACSigner(props.hmacSecret().getBytes(StandardCharsets.UTF_8)));
        return ResponseEntity.ok(new DevTokenResponse(jwt.serialize(), "Bearer", TTL.toSeconds()));
    }

    private static ResponseEntity<ProblemDetail> badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid dev token request");
        problem.setProperty("code", "VALIDATION_FAILED");
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
