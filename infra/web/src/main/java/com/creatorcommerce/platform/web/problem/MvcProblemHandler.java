package com.creatorcommerce.platform.web.problem;

import com.creatorcommerce.platform.web.ProblemCodes;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Spring MVC's own exceptions as the platform's problems (validation errors named as the client wrote them, an
 * unreadable body, a missing parameter...), and the last step of every problem: completed by {@link
 * ProblemCompletion} and written in the platform's one format ({@link Problems#toJson}).
 */
public abstract class MvcProblemHandler extends ResponseEntityExceptionHandler {

    static final String VALIDATION_DETAIL = "The request is invalid; see errors for the offending fields.";

    private final ViolationCollector violations;
    private final ObjectMapper mapper;

    protected MvcProblemHandler(JsonFieldNames fieldNames, ObjectMapper mapper) {
        this.violations = new ViolationCollector(fieldNames, this::getMessageSource);
        this.mapper = mapper;
    }

    final ViolationCollector violations() {
        return violations;
    }

    // ---------------------------------------------------------------- Spring MVC's own exceptions, refined

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationProblem(ex, violations.of(ex), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!status.is4xxClientError()) {
            return super.handleHandlerMethodValidationException(ex, headers, status, request);
        }
        return validationProblem(ex, violations.of(ex), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String message = "must be " + ValueDescriptions.describe(ex.getRequiredType());
        return validationProblem(ex, List.of(new FieldViolation(ex.getPropertyName(), message)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return validationProblem(
                ex, List.of(new FieldViolation(ex.getParameterName(), "is required")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationProblem(
                ex, List.of(new FieldViolation(ex.getRequestPartName(), "is required")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing && !missing.isMissingAfterConversion()) {
            return validationProblem(
                    ex, List.of(new FieldViolation(missing.getHeaderName(), "is required")), headers, request);
        }
        if (ex instanceof MissingRequestCookieException missing && !missing.isMissingAfterConversion()) {
            return validationProblem(
                    ex, List.of(new FieldViolation(missing.getCookieName(), "is required")), headers, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = Causes.find(ex, JacksonException.class);
        if (jackson instanceof MismatchedInputException || jackson instanceof ValueInstantiationException) {
            List<FieldViolation> errors = ViolationCollector.of(jackson);
            if (!errors.isEmpty()) {
                return validationProblem(ex, errors, headers, request);
            }
        }
        return malformed(ex, "The request body is missing or is not valid JSON.", request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                Problems.of(status, ProblemCodes.NOT_FOUND, "The requested resource does not exist.", null);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * All problems pass here: fills in {@code code}, {@code instance} and the title, keeps 5xx details generic and
     * logs server errors.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
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
        ProblemCompletion.complete(problem, ex, statusCode, WebRequests.uri(request), WebRequests.describe(request));
        // whatever the client accepts: a preset content type skips negotiation (headers may be read-only)
        HttpHeaders responseHeaders = new HttpHeaders();
        if (headers != null) {
            responseHeaders.addAll(headers);
        }
        responseHeaders.setContentType(Problems.MEDIA_TYPE);
        return super.handleExceptionInternal(ex, problem, responseHeaders, statusCode, request);
    }

    /** Writes the problem in the platform's one format, as the error page and the filters do. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        return super.createResponseEntity(
                body instanceof ProblemDetail problem ? Problems.toJson(problem, mapper) : body,
                headers,
                statusCode,
                request);
    }

    protected final ResponseEntity<Object> validationProblem(
            Exception ex, List<FieldViolation> errors, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED, VALIDATION_DETAIL, null);
        problem.setProperty(Problems.ERRORS, errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    protected final ResponseEntity<Object> malformed(Exception ex, String detail, WebRequest request) {
        return handleExceptionInternal(
                ex, UnexpectedExceptions.malformed(detail), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }
}
