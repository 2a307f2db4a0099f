package com.creatorcommerce.gateway.web;

import com.creatorcommerce.platform.security.ProblemJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem+json answers written by the gateway itself (never a stack trace). */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.valueOf(ProblemJson.MEDIA_TYPE);

    private Problems() {
    }

    public static byte[] body(int status, String code, String detail, String instance, Map<String, ?> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        HttpStatus known = HttpStatus.resolve(status);
        problem.put("title", known != null ? known.getReasonPhrase() : "Error");
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (extra != null) {
            problem.putAll(extra);
        }
        return JsonMapper.shared().writeValueAsBytes(problem);
    }

    /** Writes the problem unless the response is already committed (then the connection is simply ended). */
    public static Mono<Void> write(ServerWebExchange exchange, int status, String code, String detail,
            Map<String, ?> extra) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.valueOf(status));
        response.getHeaders().setContentType(PROBLEM_JSON);
        byte[] bytes = body(status, code, detail, exchange.getRequest().getPath().value(), extra);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
