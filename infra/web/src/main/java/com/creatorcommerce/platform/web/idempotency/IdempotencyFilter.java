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
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
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
    public static final String REPLAYED_HEADER = IdempotentAttempts.REPLAYED_HEADER;
    private static final int CLAIM_ROUNDS = 3;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final JdbcIdempotencyStore store;
    private final IdempotencyProperties properties;
    private final ObjectMapper mapper;
    private final IdempotentAttempts attempts;

    public IdempotencyFilter(JdbcIdempotencyStore store, IdempotencyProperties properties, ObjectMapper mapper) {
        this.store = store;
        this.properties = properties;
        this.mapper = mapper;
        this.attempts = new IdempotentAttempts(store, properties);
    }

    /** What the store says about a key for a request. */
    private sealed interface Claim {
        /** The key is this request's now (new, or taken over from a stale attempt). */
        record Claimed(String token) implements Claim {}

        /** The same request completed before: its response is replayed. */
        record Completed(StoredResponse response) implements Claim {}

        /** The key belongs to a different request. */
        record Reused() implements Claim {}

        /** The same request is still running. */
        record InProgress() implements Claim {}
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
            attempts.continueAsync(request, response, chain);
            return;
        }
        List<String> keys = Collections.list(request.getHeaders(HEADER));
        String key = keys.getFirst();
        if (keys.size() != 1 || !IdempotentRequest.isValidKey(key)) {
            writeInvalidKey(request, response);
            return;
        }
        Optional<CurrentUser> user =
                CurrentUser.from(SecurityContextHolder.getContext().getAuthentication());
        if (user.isEmpty()) {
            // nobody to scope the key to: keys are never shared between callers
            chain.doFilter(request, response);
            return;
        }
        if (IdempotentRequest.isMultipart(request)) {
            write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    ProblemCodes.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key is not supported for multipart requests.");
            return;
        }
        IdempotentRequest idempotent;
        try {
            idempotent =
                    IdempotentRequest.read(request, properties.maxRequestSize().toBytes());
        } catch (CachedBodyRequest.TooLargeException e) {
            write(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    ProblemCodes.PAYLOAD_TOO_LARGE,
                    "The request body is too large.");
            return;
        }
        long userId = user.get().id();
        switch (claim(userId, key, request, idempotent.hash())) {
            case Claim.Claimed c -> attempts.run(idempotent.request(), response, chain, userId, key, c.token());
            case Claim.Completed c -> IdempotentAttempts.replay(c.response(), response);
            case Claim.Reused r ->
                write(
                        request,
                        response,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        ProblemCodes.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used for a different request.");
            case Claim.InProgress p -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                write(
                        request,
                        response,
                        HttpStatus.CONFLICT,
                        ProblemCodes.IDEMPOTENCY_KEY_IN_PROGRESS,
                        "A request with this Idempotency-Key is still being processed. Retry later.");
            }
        }
    }

    /**
     * Claims {@code key} of {@code userId} for a request hashed {@code hash}: a new key with an auto-committed insert
     * (the primary key decides races: the loser looks again), a stale attempt of the same request by taking it over.
     */
    private Claim claim(long userId, String key, HttpServletRequest request, String hash) {
        String token = UUID.randomUUID().toString().replace("-", "");
        for (int round = 0; round < CLAIM_ROUNDS; round++) {
            // look first: a replay or a conflict then costs no failed insert (and no driver warning)
            Optional<JdbcIdempotencyStore.Entry> found = store.find(userId, key, properties.staleAfter());
            if (found.isEmpty()) {
                if (store.tryInsert(userId, key, request.getMethod(), request.getRequestURI(), hash, token)) {
                    return new Claim.Claimed(token);
                }
                continue; // a concurrent request claimed it first: look again
            }
            JdbcIdempotencyStore.Entry entry = found.get();
            if (!entry.requestHash().equals(hash)) {
                return new Claim.Reused();
            }
            if (entry.state() == JdbcIdempotencyStore.State.COMPLETED) {
                return new Claim.Completed(entry.response());
            }
            if (entry.stale() && store.takeOver(userId, key, hash, token, properties.staleAfter())) {
                log.warn(
                        "Took over idempotency key of user {} left in progress for more than {}",
                        userId,
                        properties.staleAfter());
                return new Claim.Claimed(token);
            }
            break;
        }
        return new Claim.InProgress();
    }

    private void writeInvalidKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int max = IdempotentRequest.MAX_KEY_LENGTH;
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                ProblemCodes.IDEMPOTENCY_KEY_INVALID,
                "The Idempotency-Key header must be a single value of 1 to " + max + " printable ASCII characters.",
                request.getRequestURI());
        problem.setProperty(
                Problems.ERRORS,
                List.of(new FieldViolation(HEADER, "must be 1 to " + max + " printable ASCII characters")));
        Problems.write(response, problem, mapper);
    }

    private void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        Problems.write(response, Problems.of(status, code, detail, request.getRequestURI()), mapper);
    }
}
