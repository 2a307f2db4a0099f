package com.creatorcommerce.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The roles a platform token may carry in its {@code roles} claim, mapped to {@code ROLE_*} authorities. */
public final class Roles {

    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";
    public static final Set<String> KNOWN = Set.of(USER, ADMIN);
    public static final String CLAIM = "roles";

    private Roles() {}

    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(CLAIM);
        if (roles == null) {
            return List.of();
        }
        return roles.stream()
                .filter(KNOWN::contains)
                .distinct()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
    }

    /** Jwt → authentication whose name is the user id and whose authorities are the known roles. */
    public static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        return jwt -> new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
    }
}
