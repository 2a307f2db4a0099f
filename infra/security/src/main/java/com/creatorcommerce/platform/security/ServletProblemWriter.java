package com.creatorcommerce.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The one servlet writer of problem+json: used by the MVC handler's error page, the platform's filters
 * (idempotency, malformed requests) and the security entry points. Resets whatever was buffered but not yet sent.
 */
public final class ServletProblemWriter {

    private ServletProblemWriter() {}

    public static void write(
            HttpServletResponse response,
            int status,
            String code,
            String detail,
            String instance,
            Map<String, ?> extra,
            ObjectMapper mapper)
            throws IOException {
        write(
                response,
                status,
                ProblemJson.toJson(ProblemJson.members(status, null, code, detail, instance, extra), mapper));
    }

    /** Writes an already serialized problem as the whole response. */
    public static void write(HttpServletResponse response, int status, byte[] json) throws IOException {
        if (!response.isCommitted()) {
            response.resetBuffer();
        }
        response.setStatus(status);
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
    }
}
