package com.creatorcommerce.platform.web.problem;

import com.creatorcommerce.platform.web.ProblemCodes;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The problem of an exception no handler declares: a request the container could not decode (400), a declared
 * {@code @ResponseStatus}, or a plain 500 without details.
 */
final class UnexpectedExceptions {

    private UnexpectedExceptions() {}

    static ProblemDetail problemOf(Throwable ex) {
        if (Causes.isUndecodableParameter(ex)) {
            return malformed("The request parameters are not valid percent-encoded UTF-8.");
        }
        if (isUndecodableRequest(ex)) {
            return malformed("The multipart request body is malformed.");
        }
        if (ex == null) {
            return Problems.of(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    ProblemCodes.INTERNAL_ERROR,
                    Problems.GENERIC_INTERNAL_DETAIL,
                    null);
        }
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        if (declared != null) {
            HttpStatus status = declared.code();
            String detail = status.is4xxClientError() && !declared.reason().isBlank() ? declared.reason() : null;
            return Problems.of(
                    status,
                    ProblemCodes.forStatus(status.value()),
                    detail != null ? detail : status.getReasonPhrase(),
                    null);
        }
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL_ERROR, Problems.GENERIC_INTERNAL_DETAIL, null);
    }

    /** Whether the request itself could not be decoded (a 400, wherever it was found). */
    static boolean isUndecodableRequest(Throwable ex) {
        return Causes.isUndecodableParameter(ex)
                || ex instanceof MultipartException && !(ex instanceof MaxUploadSizeExceededException);
    }

    /** 400 {@code MALFORMED_REQUEST}: the request could not be read at all (no field to name). */
    static ProblemDetail malformed(String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_REQUEST, detail, null);
        problem.setProperty(Problems.ERRORS, List.of());
        return problem;
    }
}
