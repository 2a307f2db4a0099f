package com.creatorcommerce.platform.web.problem;

import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.ProblemCodes;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.ObjectMapper;

/**
 * Every exception that reaches Spring MVC becomes an RFC 9457 {@code application/problem+json} body with
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} and a stable {@code code}; validation
 * problems add {@code errors: [{field, message}]} with the field named as in the client's JSON.
 *
 * <p>Server errors (5xx) never carry the exception's message, a stack trace or SQL: the detail is generic and the
 * exception is logged here. Ordered last, so a service's own {@code @RestControllerAdvice} (without an order) wins
 * for the exceptions it declares. Spring MVC's own exceptions and the last step of every problem: {@link
 * MvcProblemHandler}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends MvcProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    public ProblemExceptionHandler(JsonFieldNames fieldNames) {
        this(fieldNames, null);
    }

    /** @param mapper the application's JSON mapper for the problem's extra members ({@code null}: a plain one) */
    public ProblemExceptionHandler(JsonFieldNames fieldNames, ObjectMapper mapper) {
        super(fieldNames, mapper);
    }

    // ---------------------------------------------------------------- platform and domain exceptions

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Object> handleApiException(ApiException ex, WebRequest request) {
        ProblemDetail problem = Problems.of(ex.status(), ex.code(), ex.detail(), null);
        ex.properties().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (ex.status() == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return handleExceptionInternal(ex, problem, headers, ex.status(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        return validationProblem(ex, violations().of(ex), new HttpHeaders(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
        return unauthorized(ex, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || TRUST.isAnonymous(authentication)) {
            return unauthorized(ex, request);
        }
        ProblemDetail problem = Problems.of(
                HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN, "You are not allowed to perform this operation.", null);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ResponseEntity<Object> handleOptimisticLocking(OptimisticLockingFailureException ex, WebRequest request) {
        return concurrentModification(ex, request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<Object> handleDataIntegrityViolation(DataIntegrityViolationException ex, WebRequest request) {
        log.warn("Data integrity violation on {}", WebRequests.describe(request), ex);
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                ProblemCodes.CONFLICT,
                "The request conflicts with the current state of the resource.",
                null);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /** Anything else: a declared {@code @ResponseStatus}, a known exception wrapped in another, or a plain 500. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return handleApiException(api, request);
            }
            if (cause instanceof AccessDeniedException denied) {
                return handleAccessDenied(denied, request);
            }
            if (cause instanceof AuthenticationException authentication) {
                return handleAuthentication(authentication, request);
            }
        }
        if (Causes.isOptimisticLockFailure(ex)) {
            return concurrentModification(ex, request);
        }
        ProblemDetail problem = UnexpectedExceptions.problemOf(ex);
        return handleExceptionInternal(
                ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    // ---------------------------------------------------------------- helpers

    private ResponseEntity<Object> unauthorized(Exception ex, WebRequest request) {
        ProblemDetail problem = Problems.of(
                HttpStatus.UNAUTHORIZED,
                ProblemCodes.AUTHENTICATION_REQUIRED,
                "A valid bearer token is required.",
                null);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.UNAUTHORIZED, request);
    }

    private ResponseEntity<Object> concurrentModification(Exception ex, WebRequest request) {
        log.info("Concurrent modification on {}: {}", WebRequests.describe(request), ex.toString());
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                ProblemCodes.CONFLICT,
                "The resource was changed by another request. Reload it and retry.",
                null);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }
}
