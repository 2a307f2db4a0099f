package com.creatorcommerce.platform.web.problem;

import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.ProblemCodes;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The last step of every problem the MVC handler answers: fills in status, type, title, instance and the generic
 * {@code code}; keeps the detail of an unexpected server error generic (with the trace id) and logs it.
 */
final class ProblemCompletion {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private ProblemCompletion() {}

    static void complete(
            ProblemDetail problem, Exception ex, HttpStatusCode status, String requestUri, String requestDescription) {
        problem.setStatus(status.value());
        if (problem.getType() == null) {
            problem.setType(Problems.ABOUT_BLANK);
        }
        if (problem.getTitle() == null) {
            problem.setTitle(Problems.title(status));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(Problems.uri(requestUri));
        }
        Map<String, Object> properties = problem.getProperties();
        if (properties == null || !properties.containsKey(Problems.CODE)) {
            problem.setProperty(Problems.CODE, ProblemCodes.forStatus(status.value()));
        }
        if (status.is5xxServerError()) {
            if (ex instanceof ApiException) {
                log.warn("{} answered {}", requestDescription, ex.getMessage(), ex);
            } else {
                log.error("{} failed", requestDescription, ex);
                problem.setDetail(
                        status.value() == 503
                                ? "The service is temporarily unavailable. Please retry later."
                                : Problems.GENERIC_INTERNAL_DETAIL);
                String traceId = MDC.get("traceId");
                if (traceId != null) {
                    problem.setProperty("trace_id", traceId);
                }
            }
        } else if (log.isDebugEnabled()) {
            log.debug("{} answered {} {}", requestDescription, status.value(), Problems.code(problem), ex);
        }
    }
}
