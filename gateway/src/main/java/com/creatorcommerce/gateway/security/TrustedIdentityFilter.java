package com.creatorcommerce.gateway.security;

import com.creatorcommerce.gateway.GatewaySettings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway alone asserts who the caller is: identity headers sent by the client ({@code X-User-Id},
 * {@code X-User-Roles} and anything matching {@code platform.gateway.stripped-header-prefixes}) are removed from every
 * routed request, and for a verified token {@code X-User-Id} (the subject) and {@code X-User-Roles} (comma-separated
 * known roles) are set. The {@code Authorization} header is forwarded unchanged, since the services verify the token
 * again.
 */
@Component
public class TrustedIdentityFilter implements GlobalFilter, Ordered {

    public static final String USER_ID = "X-User-Id";
    public static final String USER_ROLES = "X-User-Roles";

    private final List<String> strippedPrefixes;

    public TrustedIdentityFilter(GatewaySettings settings) {
        this.strippedPrefixes = settings.strippedHeaderPrefixes().stream()
                .map(p -> p.toLowerCase(Locale.ROOT))
                .toList();
    }

    @Override
    public int getOrder() {
        return -150;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(auth -> chain.filter(rewrite(exchange, auth.orElse(null))));
    }

    private ServerWebExchange rewrite(ServerWebExchange exchange, JwtAuthenticationToken auth) {
        HttpHeaders incoming = exchange.getRequest().getHeaders();
        List<String> forged =
                incoming.headerNames().stream().filter(this::isStripped).toList();
        if (auth == null && forged.isEmpty()) {
            return exchange; // nothing to remove, nothing to assert
        }
        return exchange.mutate()
                .request(r -> r.headers(h -> {
                    forged.forEach(h::remove);
                    if (auth != null) {
                        h.set(USER_ID, auth.getName());
                        h.set(
                                USER_ROLES,
                                auth.getAuthorities().stream()
                                        .map(GrantedAuthority::getAuthority)
                                        .filter(a -> a.startsWith("ROLE_"))
                                        .map(a -> a.substring(5))
                                        .collect(Collectors.joining(",")));
                    }
                }))
                .build();
    }

    private boolean isStripped(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        for (String prefix : strippedPrefixes) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
