package com.creatorcommerce.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request carries an {@code X-Request-Id} to the services and back to the client: the client's own if it is a
 * sane token (letters, digits, {@code . _ : -}, at most 128 characters), a new UUID otherwise. Runs first, so even a
 * 401 carries it.
 */
@Component
public class RequestIdWebFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id;
        ServerWebExchange next = exchange;
        if (given != null
                && SANE.matcher(given).matches()
                && exchange.getRequest().getHeaders().getValuesAsList(HEADER).size() == 1) {
            id = given;
        } else {
            id = UUID.randomUUID().toString();
            next = exchange.mutate()
                    .request(r -> r.headers(h -> h.set(HEADER, id)))
                    .build();
        }
        next.getAttributes().put(ATTRIBUTE, id);
        var response = next.getResponse();
        // set just before the headers go out, replacing whatever a service echoed, so the client sees exactly one
        response.beforeCommit(() -> {
            response.getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return chain.filter(next);
    }
}
