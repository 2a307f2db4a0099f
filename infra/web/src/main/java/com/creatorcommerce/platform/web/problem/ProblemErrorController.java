package com.creatorcommerce.platform.web.problem;

import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.ProblemCodes;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.databind.ObjectMapper;

/**
 * Replaces Boot's {@code BasicErrorController}: whatever reaches the error page (an exception thrown by a filter,
 * {@code sendError}, a container error) is answered with a problem+json body, whatever the client accepts, and
 * without the exception's message or trace.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ObjectProvider<ErrorAttributes> errorAttributes;
    private final ObjectMapper mapper;

    public ProblemErrorController(ObjectProvider<ErrorAttributes> errorAttributes, ObjectMapper mapper) {
        this.errorAttributes = errorAttributes;
        this.mapper = mapper;
    }

    @RequestMapping
    public ResponseEntity<byte[]> error(HttpServletRequest request) {
        Throwable error = findError(request);
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        ProblemDetail problem;
        HttpHeaders headers = new HttpHeaders();
        ApiException api = Causes.find(error, ApiException.class);
        ErrorResponse errorResponse = Causes.find(error, ErrorResponse.class);
        if (error != null && UnexpectedExceptions.isUndecodableRequest(error)) {
            problem = UnexpectedExceptions.problemOf(error);
            problem.setInstance(Problems.uri(path));
        } else if (api != null) {
            problem = Problems.of(api.status(), api.code(), api.detail(), path);
            api.properties().forEach(problem::setProperty);
        } else if (errorResponse != null) {
            HttpStatusCode status = errorResponse.getStatusCode();
            String detail = status.is4xxClientError() ? errorResponse.getBody().getDetail() : null;
            problem = Problems.of(status, ProblemCodes.forStatus(status.value()), detail, path);
            headers.addAll(errorResponse.getHeaders());
        } else if (statusAttribute == null && error == null) {
            // somebody asked for /error directly
            problem = Problems.of(
                    HttpStatus.NOT_FOUND,
                    ProblemCodes.NOT_FOUND,
                    "The requested resource does not exist.",
                    request.getRequestURI());
        } else {
            int code = statusAttribute instanceof Integer i && i >= 400 ? i : 500;
            HttpStatusCode status = HttpStatusCode.valueOf(code);
            problem = Problems.of(status, ProblemCodes.forStatus(code), defaultDetail(status), path);
        }
        if (problem.getDetail() == null || problem.getStatus() >= 500 && api == null) {
            problem.setDetail(defaultDetail(HttpStatusCode.valueOf(problem.getStatus())));
        }
        if (problem.getStatus() >= 500) {
            log.error("{} failed outside Spring MVC (status {})", path, problem.getStatus(), error);
        }
        if (problem.getStatus() == 401) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(Problems.MEDIA_TYPE)
                .body(Problems.toJson(problem, mapper));
    }

    private Throwable findError(HttpServletRequest request) {
        ErrorAttributes attributes = errorAttributes.getIfAvailable();
        Throwable error = attributes == null ? null : attributes.getError(new ServletWebRequest(request));
        if (error == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            error = t;
        }
        return error;
    }

    static String defaultDetail(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "The requested resource does not exist.";
            case 503 -> "The service is temporarily unavailable. Please retry later.";
            default -> status.is5xxServerError() ? Problems.GENERIC_INTERNAL_DETAIL : Problems.title(status) + ".";
        };
    }
}
