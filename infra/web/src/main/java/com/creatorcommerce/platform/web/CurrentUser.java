package com.creatorcommerce.platform.web;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of the current request, taken only from the verified bearer token: {@link #id()} is the token's
 * subject, {@link #roles()} its {@code ROLE_*} authorities without the prefix ({@code USER}, {@code ADMIN}).
 *
 * <p>Declare it as a controller method parameter ({@code CurrentUser user}); a request without a token is refused
 * with 401 {@code AUTHENTICATION_REQUIRED}. {@code Optional<CurrentUser>} is empty instead (public endpoints).
 */
public record CurrentUser(long id, Set<String> roles) {

    public static final String ADMIN = "ADMIN";
    public static final String USER = "USER";

    public CurrentUser {
        if (id <= 0) {
            throw new IllegalArgumentException("A user id is positive: " + id);
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The caller of the request being handled on this thread, if it carried a valid token. */
    public static Optional<CurrentUser> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The caller, or 401 {@code AUTHENTICATION_REQUIRED}. */
    public static CurrentUser require() {
        return current()
                .orElseThrow(() -> new ApiException(
                        org.springframework.http.HttpStatus.UNAUTHORIZED,
                        "AUTHENTICATION_REQUIRED",
                        "A bearer token is required"));
    }

    /** The user of an authentication made from a verified JWT whose subject is the numeric user id. */
    public static Optional<CurrentUser> from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken jwt) || !jwt.isAuthenticated()) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(jwt.getToken().getSubject());
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
        if (id <= 0) {
            return Optional.empty();
        }
        Set<String> roles = jwt.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new CurrentUser(id, roles));
    }
}
