package com.creatorcommerce.gateway.web;

import com.creatorcommerce.platform.security.ProblemJson;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * RFC 9457 problem+json answers written by the gateway itself (never a stack trace): the reactive writer of the
 * platform's one format, {@link ProblemJson}, which the services' servlet writer shares.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.valueOf(ProblemJson.MEDIA_TYPE);

    private Problems() {}

    /** The platform's one problem+json format ({@link ProblemJson}: member order, titles, code table). */
    public static byte[] body(int status, String code, String detail, String instance, Map<String, ?> extra) {
        return ProblemJson.toJson(ProblemJson.members(status, null, code, detail, instance, extra), null);
    }

    /** Writes the problem unless the response is already committed (then the connection is simply ended). */
    public static Mono<Void> write(
            ServerWebExchange exchange, int status, String code, String detail, Map<String, ?> extra) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.valueOf(status));
        response.getHeaders().setContentType(PROBLEM_JSON);
        byte[] bytes =
                body(status, code, detail, exchange.getRequest().getPath().value(), extra);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
