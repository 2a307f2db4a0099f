package com.creatorcommerce.platform.web.problem;

import com.creatorcommerce.platform.web.ProblemCodes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.ObjectMapper;

/** Builds and writes RFC 9457 problem bodies the same way everywhere (MVC advice, error page, filters). */
public final class Problems {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    public static final String CODE = "code";
    public static final String ERRORS = "errors";
    /** Detail of every 500 the server did not describe on purpose: nothing internal leaks. */
    /** RFC 9457: the problem has no more semantics than its status (our {@code code} refines it). */
    public static final URI ABOUT_BLANK = URI.create("about:blank");
    public static final String GENERIC_INTERNAL_DETAIL = "An unexpected error occurred. Please retry later.";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ABOUT_BLANK);
        problem.setTitle(title(status));
        problem.setInstance(uri(instance));
        problem.setProperty(CODE, code);
        return problem;
    }

    public static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }

    /** {@code null} when the path is not a valid URI reference. */
    public static URI uri(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String code(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        Object code = properties == null ? null : properties.get(CODE);
        return code instanceof String s ? s : ProblemCodes.forStatus(problem.getStatus());
    }

    /** The body as an ordered map: type, title, status, detail, instance, then the extra members. */
    public static Map<String, Object> toMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", (problem.getType() == null ? ABOUT_BLANK : problem.getType()).toString());
        body.put("title", problem.getTitle() != null ? problem.getTitle()
                : title(HttpStatusCode.valueOf(problem.getStatus())));
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(body::putIfAbsent);
        }
        return body;
    }

    public static byte[] toJson(ProblemDetail problem, ObjectMapper mapper) {
        return mapper.writeValueAsBytes(toMap(problem));
    }

    /** Writes the problem as the whole response (resetting anything buffered but not yet sent). */
    public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper mapper)
            throws IOException {
        byte[] body = toJson(problem, mapper);
        if (!response.isCommitted()) {
            response.resetBuffer();
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MEDIA_TYPE.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
