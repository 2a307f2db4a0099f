package com.creatorcommerce.platform.web.problem;

import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.ProblemCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Every exception that reaches Spring MVC becomes an RFC 9457 {@code application/problem+json} body with
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} and a stable {@code code}; validation
 * problems add {@code errors: [{field, message}]} with the field named as in the client's JSON.
 *
 * <p>Server errors (5xx) never carry the exception's message, a stack trace or SQL: the detail is generic and the
 * exception is logged here. Ordered last, so a service's own {@code @RestControllerAdvice} (without an order) wins
 * for the exceptions it declares.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    static final String VALIDATION_DETAIL = "The request is invalid; see errors for the offending fields.";

    private final JsonFieldNames fieldNames;

    public ProblemExceptionHandler(JsonFieldNames fieldNames) {
        this.fieldNames = fieldNames;
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
        List<FieldViolation> errors = new ArrayList<>();
        if (ex.getConstraintViolations() != null) {
            for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
                errors.add(new FieldViolation(violationPath(violation.getPropertyPath()), violation.getMessage()));
            }
        }
        return validationProblem(ex, errors, new HttpHeaders(), request);
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
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN,
                "You are not allowed to perform this operation.", null);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ResponseEntity<Object> handleOptimisticLocking(OptimisticLockingFailureException ex, WebRequest request) {
        return concurrentModification(ex, request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<Object> handleDataIntegrityViolation(DataIntegrityViolationException ex,
            WebRequest request) {
        log.warn("Data integrity violation on {}", describe(request), ex);
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ProblemCodes.CONFLICT,
                "The request conflicts with the current state of the resource.", null);
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
        if (isOptimisticLockFailure(ex)) {
            return concurrentModification(ex, request);
        }
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        if (declared != null) {
            HttpStatus status = declared.code();
            String detail = status.is4xxClientError() && !declared.reason().isBlank() ? declared.reason() : null;
            ProblemDetail problem = Problems.of(status, ProblemCodes.forStatus(status.value()),
                    detail != null ? detail : status.getReasonPhrase(), null);
            return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
        }
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL_ERROR,
                Problems.GENERIC_INTERNAL_DETAIL, null);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    // ---------------------------------------------------------------- Spring MVC's own exceptions, refined

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        boolean body = ex.getParameter().hasParameterAnnotation(RequestBody.class);
        BindingResult result = ex.getBindingResult();
        Class<?> root = result.getTarget() != null ? result.getTarget().getClass()
                : ex.getParameter().getNestedParameterType();
        List<FieldViolation> errors = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            if (error instanceof FieldError fieldError) {
                String field = body ? fieldNames.jsonPath(root, fieldError.getField()) : fieldError.getField();
                errors.add(new FieldViolation(field, fieldMessage(fieldError)));
            } else {
                errors.add(new FieldViolation(null, message(error)));
            }
        }
        return validationProblem(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!status.is4xxClientError()) {
            return super.handleHandlerMethodValidationException(ex, headers, status, request);
        }
        List<FieldViolation> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            MethodParameter parameter = result.getMethodParameter();
            boolean body = parameter.hasParameterAnnotation(RequestBody.class);
            String container = containerSuffix(result);
            String base = body ? container : parameterName(parameter) + container;
            if (result instanceof ParameterErrors parameterErrors) {
                Object argument = parameterErrors.getArgument();
                Class<?> root = argument != null ? argument.getClass() : parameter.getNestedParameterType();
                for (FieldError fieldError : parameterErrors.getFieldErrors()) {
                    String field = body ? fieldNames.jsonPath(root, fieldError.getField())
                            : JsonFieldNames.snakeCase(fieldError.getField());
                    errors.add(new FieldViolation(join(base, field), fieldMessage(fieldError)));
                }
                for (ObjectError error : parameterErrors.getGlobalErrors()) {
                    errors.add(new FieldViolation(emptyToNull(base), message(error)));
                }
            } else {
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(new FieldViolation(emptyToNull(base), message(error)));
                }
            }
        }
        for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
            errors.add(new FieldViolation(null, message(error)));
        }
        return validationProblem(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName();
        return validationProblem(ex, List.of(new FieldViolation(field, "must be " + describe(ex.getRequiredType()))),
                headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationProblem(ex, List.of(new FieldViolation(ex.getParameterName(), "is required")), headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationProblem(ex, List.of(new FieldViolation(ex.getRequestPartName(), "is required")), headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing && !missing.isMissingAfterConversion()) {
            return validationProblem(ex, List.of(new FieldViolation(missing.getHeaderName(), "is required")),
                    headers, request);
        }
        if (ex instanceof MissingRequestCookieException missing && !missing.isMissingAfterConversion()) {
            return validationProblem(ex, List.of(new FieldViolation(missing.getCookieName(), "is required")),
                    headers, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = find(ex, JacksonException.class);
        if (jackson instanceof MismatchedInputException || jackson instanceof ValueInstantiationException) {
            String path = jsonPath(jackson.getPath());
            if (!path.isEmpty()) {
                return validationProblem(ex, List.of(new FieldViolation(path, unreadableMessage(jackson))), headers,
                        request);
            }
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_REQUEST,
                "The request body is missing or is not valid JSON.", null);
        problem.setProperty(Problems.ERRORS, List.of());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(status, ProblemCodes.NOT_FOUND, "The requested resource does not exist.",
                null);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * All problems pass here: fills in {@code code}, {@code instance} and the title, keeps 5xx details generic and
     * logs server errors.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem;
        if (body instanceof ProblemDetail detail) {
            problem = detail;
        } else if (body == null && ex instanceof ErrorResponse errorResponse) {
            problem = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        } else if (body == null) {
            problem = ProblemDetail.forStatus(statusCode);
        } else {
            return super.handleExceptionInternal(ex, body, headers, statusCode, request);
        }
        problem.setStatus(statusCode.value());
        if (problem.getType() == null) {
            problem.setType(Problems.ABOUT_BLANK);
        }
        if (problem.getTitle() == null) {
            problem.setTitle(Problems.title(statusCode));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(Problems.uri(requestUri(request)));
        }
        Map<String, Object> properties = problem.getProperties();
        if (properties == null || !properties.containsKey(Problems.CODE)) {
            problem.setProperty(Problems.CODE, ProblemCodes.forStatus(statusCode.value()));
        }
        if (statusCode.is5xxServerError()) {
            if (ex instanceof ApiException) {
                log.warn("{} answered {}", describe(request), ex.getMessage(), ex);
            } else {
                log.error("{} failed", describe(request), ex);
                problem.setDetail(statusCode.value() == 503
                        ? "The service is temporarily unavailable. Please retry later."
                        : Problems.GENERIC_INTERNAL_DETAIL);
                String traceId = MDC.get("traceId");
                if (traceId != null) {
                    problem.setProperty("trace_id", traceId);
                }
            }
        } else if (log.isDebugEnabled()) {
            log.debug("{} answered {} {}", describe(request), statusCode.value(), Problems.code(problem), ex);
        }
        // whatever the client accepts: a preset content type skips negotiation (headers may be read-only)
        HttpHeaders responseHeaders = new HttpHeaders();
        if (headers != null) {
            responseHeaders.addAll(headers);
        }
        responseHeaders.setContentType(Problems.MEDIA_TYPE);
        return super.handleExceptionInternal(ex, problem, responseHeaders, statusCode, request);
    }

    /** Writes the problem with its members in the RFC's order, the same as the error page and filters do. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        return super.createResponseEntity(body instanceof ProblemDetail problem ? Problems.toMap(problem) : body,
                headers, statusCode, request);
    }

    // ---------------------------------------------------------------- helpers

    private ResponseEntity<Object> validationProblem(Exception ex, List<FieldViolation> errors, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED,
                VALIDATION_DETAIL, null);
        problem.setProperty(Problems.ERRORS, errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> unauthorized(Exception ex, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, ProblemCodes.AUTHENTICATION_REQUIRED,
                "A valid bearer token is required.", null);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.UNAUTHORIZED, request);
    }

    private ResponseEntity<Object> concurrentModification(Exception ex, WebRequest request) {
        log.info("Concurrent modification on {}: {}", describe(request), ex.toString());
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ProblemCodes.CONFLICT,
                "The resource was changed by another request. Reload it and retry.", null);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    private static boolean isOptimisticLockFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof OptimisticLockingFailureException
                    || name.equals("jakarta.persistence.OptimisticLockException")
                    || name.equals("org.hibernate.StaleObjectStateException")
                    || name.equals("org.hibernate.StaleStateException")) {
                return true;
            }
        }
        return false;
    }

    private String fieldMessage(FieldError error) {
        // a failed conversion's default message names Java types: describe it instead
        return error.isBindingFailure() ? "has an invalid value" : message(error);
    }

    private String message(MessageSourceResolvable error) {
        MessageSource source = getMessageSource();
        if (source != null) {
            try {
                return source.getMessage(error, LocaleContextHolder.getLocale());
            } catch (RuntimeException e) {
                // fall back on the default message
            }
        }
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
    }

    private static String unreadableMessage(JacksonException ex) {
        if (ex instanceof UnrecognizedPropertyException) {
            return "is not a known property";
        }
        if (ex instanceof InvalidNullException) {
            return "must not be null";
        }
        if (ex instanceof ValueInstantiationException) {
            return "is invalid";
        }
        if (ex instanceof InvalidFormatException || ex instanceof MismatchedInputException) {
            Class<?> target = ((MismatchedInputException) ex).getTargetType();
            return target == null ? "has an invalid value" : "must be " + describe(target);
        }
        return "has an invalid value";
    }

    /** A Jackson reference path as a JSON path: {@code items[0].sku_id}. */
    private static String jsonPath(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A Bean Validation path without the method and, for bean arguments, the parameter: {@code items[0].sku_id}. */
    static String violationPath(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        boolean hasProperty = nodes.stream().anyMatch(n -> n.getKind() == ElementKind.PROPERTY);
        StringBuilder out = new StringBuilder();
        for (Path.Node node : nodes) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE || (kind == ElementKind.PARAMETER && hasProperty)) {
                continue;
            }
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                out.append('[').append(at == null ? "" : at).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(kind == ElementKind.PARAMETER ? node.getName() : JsonFieldNames.snakeCase(node.getName()));
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    private static String parameterName(MethodParameter parameter) {
        String name = null;
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
        RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
        if (param != null) {
            name = param.name();
        } else if (path != null) {
            name = path.name();
        } else if (header != null) {
            name = header.name();
        } else if (cookie != null) {
            name = cookie.name();
        } else if (part != null) {
            name = part.name();
        }
        if (name == null || name.isEmpty()) {
            name = parameter.getParameterName();
        }
        return name == null ? "arg" + parameter.getParameterIndex() : name;
    }

    private static String containerSuffix(ParameterValidationResult result) {
        if (result.getContainerIndex() != null) {
            return "[" + result.getContainerIndex() + "]";
        }
        if (result.getContainerKey() != null) {
            return "[" + result.getContainerKey() + "]";
        }
        return "";
    }

    private static String join(String base, String field) {
        if (base == null || base.isEmpty()) {
            return field;
        }
        if (field == null || field.isEmpty()) {
            return base;
        }
        return field.startsWith("[") ? base + field : base + "." + field;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** How a client should write a value of this type (no Java class names). */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + (type == java.time.LocalDate.class ? "date" : "date-time");
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type) || type == char.class
                || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "a valid value";
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String requestUri(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest) {
            HttpServletRequest servlet = nativeRequest.getNativeRequest(HttpServletRequest.class);
            if (servlet != null) {
                return servlet.getRequestURI();
            }
        }
        return null;
    }

    private static String describe(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest) {
            HttpServletRequest servlet = nativeRequest.getNativeRequest(HttpServletRequest.class);
            if (servlet != null) {
                return servlet.getMethod() + " " + servlet.getRequestURI();
            }
        }
        return request.getDescription(false);
    }
}
