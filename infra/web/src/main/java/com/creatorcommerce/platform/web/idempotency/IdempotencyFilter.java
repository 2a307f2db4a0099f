package com.creatorcommerce.platform.web.idempotency;

import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.platform.web.ProblemCodes;
import com.creatorcommerce.platform.web.problem.FieldViolation;
import com.creatorcommerce.platform.web.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} for POST requests of authenticated users. Runs after Spring Security (the key is scoped
 * to the user id of the verified token):
 * <ul>
 *   <li>a new key is claimed with an auto-committed insert (the primary key decides races), the request runs with
 *       its response captured, and the outcome is recorded when the status is below 500; a 5xx or an exception
 *       releases the key so that the client may retry;</li>
 *   <li>the same key with the same request (method, path, query and body hash) once completed replays the recorded
 *       status, content type, selected headers and body with {@code Idempotency-Replayed: true}, without running
 *       the request again;</li>
 *   <li>the same key with a different request: 422 {@code IDEMPOTENCY_KEY_REUSED};</li>
 *   <li>the same key while the first attempt is still running: 409 {@code IDEMPOTENCY_KEY_IN_PROGRESS} with
 *       {@code Retry-After}, unless that attempt is older than {@code stale-after} and is taken over.</li>
 * </ul>
 * Requests without the header, other methods and anonymous requests pass through untouched; a malformed key is
 * 400 {@code IDEMPOTENCY_KEY_INVALID}.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    /** Headers recorded with the response and replayed (content type and length are always). */
    static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_LOCATION,
            HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.CONTENT_LANGUAGE);
    static final int MAX_KEY_LENGTH = 255;
    private static final String ATTEMPT = IdempotencyFilter.class.getName() + ".ATTEMPT";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final JdbcIdempotencyStore store;
    private final IdempotencyProperties properties;
    private final ObjectMapper mapper;

    public IdempotencyFilter(JdbcIdempotencyStore store, IdempotencyProperties properties, ObjectMapper mapper) {
        this.store = store;
        this.properties = properties;
        this.mapper = mapper;
    }

    /** The attempt that owns a key while its request runs (kept on the request for async completion). */
    private record Attempt(long userId, String key, String token, CapturingResponse response) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    /** Async requests are completed on their last dispatch. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            continueAsync(request, response, chain);
            return;
        }
        List<String> keys = Collections.list(request.getHeaders(HEADER));
        String key = keys.getFirst();
        if (keys.size() != 1 || !isValidKey(key)) {
            ProblemDetail problem = problem(request, HttpStatus.BAD_REQUEST, ProblemCodes.IDEMPOTENCY_KEY_INVALID,
                    "The Idempotency-Key header must be a single value of 1 to " + MAX_KEY_LENGTH
                            + " printable ASCII characters.");
            problem.setProperty(Problems.ERRORS, List.of(new FieldViolation(HEADER,
                    "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters")));
            Problems.write(response, problem, mapper);
            return;
        }
        Optional<CurrentUser> user = CurrentUser.from(SecurityContextHolder.getContext().getAuthentication());
        if (user.isEmpty()) {
            // nobody to scope the key to: keys are never shared between callers
            chain.doFilter(request, response);
            return;
        }
        if (isMultipart(request)) {
            Problems.write(response, problem(request, HttpStatus.BAD_REQUEST, ProblemCodes.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key is not supported for multipart requests."), mapper);
            return;
        }
        HttpServletRequest body;
        String hash;
        try {
            if (isForm(request)) {
                body = request;
                hash = hash(request, formBytes(request));
            } else {
                CachedBodyRequest cached = CachedBodyRequest.read(request, properties.maxRequestSize().toBytes());
                body = cached;
                hash = hash(request, cached.body());
            }
        } catch (CachedBodyRequest.TooLargeException e) {
            Problems.write(response, problem(request, HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.PAYLOAD_TOO_LARGE,
                    "The request body is too large."), mapper);
            return;
        }
        long userId = user.get().id();
        String method = request.getMethod();
        String path = request.getRequestURI();
        String token = UUID.randomUUID().toString().replace("-", "");
        for (int round = 0; round < 3; round++) {
            // look first: a replay or a conflict then costs no failed insert (and no driver warning)
            Optional<JdbcIdempotencyStore.Entry> found = store.find(userId, key, properties.staleAfter());
            if (found.isEmpty()) {
                if (store.tryInsert(userId, key, method, path, hash, token)) {
                    execute(body, response, chain, new Attempt(userId, key, token, new CapturingResponse(response)));
                    return;
                }
                continue; // a concurrent request claimed it first: look again
            }
            JdbcIdempotencyStore.Entry entry = found.get();
            if (!entry.requestHash().equals(hash)) {
                Problems.write(response, problem(request, HttpStatus.UNPROCESSABLE_CONTENT,
                        ProblemCodes.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used for a different request."), mapper);
                return;
            }
            if (entry.state() == JdbcIdempotencyStore.State.COMPLETED) {
                replay(entry.response(), response);
                return;
            }
            if (entry.stale() && store.takeOver(userId, key, hash, token, properties.staleAfter())) {
                log.warn("Took over idempotency key of user {} left in progress for more than {}", userId,
                        properties.staleAfter());
                execute(body, response, chain, new Attempt(userId, key, token, new CapturingResponse(response)));
                return;
            }
            break;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        Problems.write(response, problem(request, HttpStatus.CONFLICT, ProblemCodes.IDEMPOTENCY_KEY_IN_PROGRESS,
                "A request with this Idempotency-Key is still being processed. Retry later."), mapper);
    }

    private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            Attempt attempt) throws ServletException, IOException {
        request.setAttribute(ATTEMPT, attempt);
        boolean completed = false;
        try {
            chain.doFilter(request, attempt.response());
            completed = true;
        } finally {
            if (!completed) {
                release(attempt); // the exception goes on to the error page; the client may retry
            }
        }
        if (!request.isAsyncStarted()) {
            finish(attempt);
        }
    }

    private void continueAsync(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Attempt attempt = request.getAttribute(ATTEMPT) instanceof Attempt a ? a : null;
        boolean completed = false;
        try {
            chain.doFilter(request, response);
            completed = true;
        } finally {
            if (!completed && attempt != null) {
                release(attempt);
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
                log.warn("Response of {} bytes is too large to record for replay; idempotency key released",
                        body.length);
                store.release(attempt.userId(), attempt.key(), attempt.token());
            } else {
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                for (String name : REPLAYED_HEADERS) {
                    for (String value : captured.getHeaders(name)) {
                        headers.add(Map.entry(name, value));
                    }
                }
                if (!store.complete(attempt.userId(), attempt.key(), attempt.token(),
                        new StoredResponse(status, captured.getContentType(), headers, body))) {
                    log.warn("Idempotency key of user {} was taken over before its first attempt completed",
                            attempt.userId());
                }
            }
        } catch (DataAccessException e) {
            // the effect happened: the key stays IN_PROGRESS until stale rather than inviting a quick duplicate
            log.error("Could not record the outcome of an idempotent request of user {}", attempt.userId(), e);
        }
        captured.copyBodyToResponse();
    }

    private void release(Attempt attempt) {
        try {
            store.release(attempt.userId(), attempt.key(), attempt.token());
        } catch (DataAccessException e) {
            log.error("Could not release the idempotency key of user {}; it frees up after {}", attempt.userId(),
                    properties.staleAfter(), e);
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
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

    /** 1..255 printable ASCII characters (space allowed inside, not at either end). */
    static boolean isValidKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.charAt(0) == ' '
                || key.charAt(key.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 (hex) of the method, the path with its query string and the body. */
    static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString();
            String target = request.getMethod() + ' ' + request.getRequestURI() + (query == null ? "" : "?" + query)
                    + '\n';
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form's parameters in a canonical order (the container parses a form body itself). */
    private static byte[] formBytes(HttpServletRequest request) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                text.append(name).append('=').append(value).append('&');
            }
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isForm(HttpServletRequest request) {
        return hasType(request, MediaType.APPLICATION_FORM_URLENCODED);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private static boolean hasType(HttpServletRequest request, MediaType type) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            return type.includes(MediaType.parseMediaType(contentType));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String code, String detail) {
        return Problems.of(status, code, detail, request.getRequestURI());
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
