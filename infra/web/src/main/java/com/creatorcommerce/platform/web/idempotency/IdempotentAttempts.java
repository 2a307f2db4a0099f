package com.creatorcommerce.platform.web.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The run of a request that owns its {@code Idempotency-Key}, and the replay of a recorded one. The response is
 * captured while the request runs (synchronously or over async dispatches); its outcome is recorded when the status
 * is below 500 and the body fits, otherwise (and when the request throws) the key is released so that the client may
 * retry.
 */
final class IdempotentAttempts {

    static final String REPLAYED_HEADER = "Idempotency-Replayed";
    /** Headers recorded with the response and replayed (content type and length are always). */
    static final List<String> REPLAYED_HEADERS = List.of(
            HttpHeaders.LOCATION,
            HttpHeaders.CONTENT_LOCATION,
            HttpHeaders.ETAG,
            HttpHeaders.LAST_MODIFIED,
            HttpHeaders.CONTENT_LANGUAGE);

    private static final String ATTEMPT = IdempotentAttempts.class.getName() + ".ATTEMPT";
    private static final Logger log = LoggerFactory.getLogger(IdempotentAttempts.class);

    private final JdbcIdempotencyStore store;
    private final IdempotencyProperties properties;

    IdempotentAttempts(JdbcIdempotencyStore store, IdempotencyProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** The attempt that owns a key while its request runs (kept on the request for async completion). */
    private record Attempt(long userId, String key, String token, CapturingResponse response) {}

    /** Runs the request whose key {@code userId}/{@code key} this attempt ({@code token}) claimed. */
    void run(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            long userId,
            String key,
            String token)
            throws ServletException, IOException {
        Attempt attempt = new Attempt(userId, key, token, new CapturingResponse(response));
        request.setAttribute(ATTEMPT, attempt);
        runChain(request, attempt.response(), chain, attempt);
    }

    /** A later async dispatch of a request: completes its attempt once the request is done. */
    void continueAsync(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        runChain(request, response, chain, request.getAttribute(ATTEMPT) instanceof Attempt a ? a : null);
    }

    private void runChain(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Attempt attempt)
            throws ServletException, IOException {
        boolean completed = false;
        try {
            chain.doFilter(request, response);
            completed = true;
        } finally {
            if (!completed && attempt != null) {
                release(attempt); // the exception goes on to the error page; the client may retry
            }
        }
        if (attempt != null && !request.isAsyncStarted()) {
            finish(attempt);
        }
    }

    private void finish(Attempt attempt) throws IOException {
        CapturingResponse captured = attempt.response();
        int status = captured.getStatus();
        byte[] body = captured.getContentAsByteArray();
        try {
            if (status >= 500 || captured.errorSent()) {
                store.release(attempt.userId(), attempt.key(), attempt.token());
            } else if (body.length > properties.maxResponseSize().toBytes()) {
                log.warn(
                        "Response of {} bytes is too large to record for replay; idempotency key released",
                        body.length);
                store.release(attempt.userId(), attempt.key(), attempt.token());
            } else if (!store.complete(
                    attempt.userId(),
                    attempt.key(),
                    attempt.token(),
                    new StoredResponse(status, captured.getContentType(), replayedHeaders(captured), body))) {
                log.warn(
                        "Idempotency key of user {} was taken over before its first attempt completed",
                        attempt.userId());
            }
        } catch (DataAccessException e) {
            // the effect happened: the key stays IN_PROGRESS until stale rather than inviting a quick duplicate
            log.error("Could not record the outcome of an idempotent request of user {}", attempt.userId(), e);
        }
        captured.copyBodyToResponse();
    }

    private static List<Map.Entry<String, String>> replayedHeaders(HttpServletResponse captured) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : REPLAYED_HEADERS) {
            for (String value : captured.getHeaders(name)) {
                headers.add(Map.entry(name, value));
            }
        }
        return headers;
    }

    private void release(Attempt attempt) {
        try {
            store.release(attempt.userId(), attempt.key(), attempt.token());
        } catch (DataAccessException e) {
            log.error(
                    "Could not release the idempotency key of user {}; it frees up after {}",
                    attempt.userId(),
                    properties.staleAfter(),
                    e);
        }
    }

    /** Writes a recorded response again, marked {@code Idempotency-Replayed: true}. */
    static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        stored.headers().forEach(h -> response.addHeader(h.getKey(), h.getValue()));
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
        response.flushBuffer();
    }

    /** Buffers the body (status and headers go straight through) and notes {@code sendError}. */
    static final class CapturingResponse extends ContentCachingResponseWrapper {
        private boolean errorSent;

        CapturingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int sc) throws IOException {
            errorSent = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            errorSent = true;
            super.sendError(sc, msg);
        }

        boolean errorSent() {
            return errorSent;
        }
    }
}
