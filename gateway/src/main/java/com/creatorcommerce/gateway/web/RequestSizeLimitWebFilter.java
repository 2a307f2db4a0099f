package com.creatorcommerce.gateway.web;

import com.creatorcommerce.gateway.GatewaySettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
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
 * Request bodies above {@code platform.gateway.max-request-size} get 413 problem+json: when the declared
 * {@code Content-Length} is too large (before the token is even checked; the body is read and dropped first, up to
 * {@link #DRAIN_LIMIT} within {@link #DRAIN_TIME}), and while streaming for chunked bodies (the
 * count stops the upload; the client gets 413 unless the service already answered).
 */
@Component
public class RequestSizeLimitWebFilter implements WebFilter, Ordered {

    /** Bodies up to this size are read to their end after a 413, within {@link #DRAIN_TIME}. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    static final Duration DRAIN_TIME = Duration.ofSeconds(10);

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
            Mono<Void> answer = Problems.write(
                    exchange,
                    413,
                    "PAYLOAD_TOO_LARGE",
                    "The request body is larger than " + maxBytes + " bytes",
                    Map.of("max_bytes", maxBytes));
            if (declared > DRAIN_LIMIT) {
                return answer; // not worth reading: such a client may see the connection closed while it sends
            }
            // read and drop the body first, then answer: a connection closed with unread bytes sends a reset,
            // and a client that reads only once it has sent everything (most HTTP/1.1 clients) would lose the 413
            return exchange.getRequest()
                    .getBody()
                    .doOnNext(DataBufferUtils::release)
                    .then()
                    .timeout(DRAIN_TIME)
                    .onErrorResume(e -> Mono.empty())
                    .then(answer);
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
                        DataBufferUtils.release(buffer);
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
