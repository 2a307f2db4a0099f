package com.creatorcommerce.platform.test;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HostileInputContract} plus a JSON endpoint's hostile bodies: multipart, another or a malformed
 * {@code Content-Type} are a 415 {@code UNSUPPORTED_MEDIA_TYPE} problem, a body over 1 MB a 413
 * {@code PAYLOAD_TOO_LARGE} problem, never a 500 or a reset.
 */
public interface HostileJsonInputContract extends HostileInputContract {

    /** A POST endpoint that reads a JSON body. */
    String jsonPostPath();

    @Test
    default void aMultipartBodyToAJsonEndpointIsUnsupportedMediaType() {
        String multipart = "--xyz\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n1\r\n--xyz--\r\n";
        assertProblem(
                send("POST", jsonPostPath(), "multipart/form-data; boundary=xyz", multipart),
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "multipart");
        assertProblem(
                send("POST", jsonPostPath(), "multipart/form-data", "garbage"),
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "multipart without a boundary");
    }

    @Test
    default void wrongAndMalformedContentTypesAreUnsupportedMediaType() {
        for (String contentType : List.of(
                "text/plain",
                "application/xml",
                "application/octet-stream",
                "application/x-www-form-urlencoded",
                "*/*",
                "application/*",
                "no-slash",
                "application/json;;;=\"")) {
            Raw response = send("POST", jsonPostPath(), contentType, "{}");

            assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE", contentType);
        }
    }

    /** Over the 1 MB limit: the client writes the whole body, then reads the 413 (the container drains the rest). */
    @Test
    default void aBodyOverTheLimitIsPayloadTooLarge() {
        String body = "{\"padding\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";

        assertProblem(send("POST", jsonPostPath(), "application/json", body), 413, "PAYLOAD_TOO_LARGE", "3 MB body");
    }
}
