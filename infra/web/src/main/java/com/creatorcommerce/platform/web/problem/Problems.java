package com.creatorcommerce.platform.web.problem;

import com.creatorcommerce.platform.security.ProblemJson;
import com.creatorcommerce.platform.security.ServletProblemWriter;
import com.creatorcommerce.platform.web.ProblemCodes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.ObjectMapper;

/**
 * Spring's {@link ProblemDetail} on the platform's one format ({@link ProblemJson}) and servlet writer
 * ({@link ServletProblemWriter}): the MVC handler, the error page and the filters all go through here.
 */
public final class Problems {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    public static final String CODE = ProblemJson.CODE;
    public static final String ERRORS = "errors";
    /** RFC 9457: the problem has no more semantics than its status (our {@code code} refines it). */
    public static final URI ABOUT_BLANK = URI.create(ProblemJson.ABOUT_BLANK);
    /** Detail of every 500 the server did not describe on purpose: nothing internal leaks. */
    public static final String GENERIC_INTERNAL_DETAIL = "An unexpected error occurred. Please retry later.";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ABOUT_BLANK);
        problem.setTitle(title(status));
        problem.setInstance(uri(instance));
        problem.setProperty(CODE, code);
        return problem;
    }

    public static String title(HttpStatusCode status) {
        return ProblemJson.title(status.value());
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

    /** The body as an ordered map: type, title, status, detail, instance, code, then the extra members. */
    public static Map<String, Object> toMap(ProblemDetail problem) {
        Map<String, Object> extra =
                problem.getProperties() == null ? Map.of() : new LinkedHashMap<>(problem.getProperties());
        extra.remove(CODE);
        Map<String, Object> body = ProblemJson.members(
                problem.getStatus(),
                problem.getTitle(),
                code(problem),
                problem.getDetail(),
                problem.getInstance() == null ? null : problem.getInstance().toString(),
                extra);
        if (problem.getType() != null && !ABOUT_BLANK.equals(problem.getType())) {
            body.put("type", problem.getType().toString());
        }
        return body;
    }

    public static byte[] toJson(ProblemDetail problem, ObjectMapper mapper) {
        return ProblemJson.toJson(toMap(problem), mapper);
    }

    /** Writes the problem as the whole response (resetting anything buffered but not yet sent). */
    public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper mapper)
            throws IOException {
        ServletProblemWriter.write(response, problem.getStatus(), toJson(problem, mapper));
    }
}
