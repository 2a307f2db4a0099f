package com.creatorcommerce.gateway.web;

import com.creatorcommerce.gateway.GatewaySettings;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request bodies above {@code platform.gateway.max-request-size} get 413 problem+json: at once when the declared
 * {@code Content-Length} is too large (before the token is even checked), and while streaming for chunked bodies (the
 * count stops the upload; the client gets 413 unless the service already answered).
 */
@Component
public class RequestSizeLimitWebFilter implements WebFilter, Ordered {

    private final long maxBytes;

    public RequestSizeLimitWebFilter(GatewaySettings settings) {
        this.maxBytes = settings.maxRequestSize().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return Problems.write(exchange, 413, "PAYLOAD_TOO_LARGE",
                    "The request body is larger than " + maxBytes + " bytes", Map.of("max_bytes", maxBytes));
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange); // a declared length is enforced by the server; no body otherwise
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        sink.error(new RequestBodyTooLargeException(maxBytes));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
