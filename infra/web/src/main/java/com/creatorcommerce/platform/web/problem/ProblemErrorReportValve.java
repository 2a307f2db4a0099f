package com.creatorcommerce.platform.web.problem;

import com.creatorcommerce.platform.security.ProblemJson;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers, written before any filter or the error page can run (a request path that is not
 * valid percent-encoded UTF-8, {@code /v1/things/%FF}, is refused by the connector with 400), as problem+json
 * instead of Tomcat's HTML page. Placed in the host's pipeline after Boot's {@code ErrorReportValve}, so it reports
 * first; it writes nothing when the application already wrote a body.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = status == 400 ? "MALFORMED_REQUEST" : ProblemJson.codeForStatus(status);
        String detail = status == 400
                ? "The request could not be read (check the percent-encoding of its path)."
                : status >= 500 ? Problems.GENERIC_INTERNAL_DETAIL : ProblemJson.title(status) + ".";
        byte[] body = ProblemJson.body(status, code, detail, null, null);
        try {
            response.setContentType(ProblemJson.MEDIA_TYPE);
            response.setContentLength(body.length);
            try (OutputStream out = response.getOutputStream()) {
                out.write(body);
            }
        } catch (IOException | IllegalStateException e) {
            container.getLogger().debug("Could not write the problem body", e);
        }
    }
}
