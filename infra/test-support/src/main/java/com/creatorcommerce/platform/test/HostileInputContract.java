package com.creatorcommerce.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hostile input a service must answer with a 4xx problem+json and a stable {@code code}, never a 500 (issue 15):
 * query parameters and paths that are not UTF-8 ({@link HostileJsonInputContract} adds the {@code Content-Type} cases).
 * Requests are written on a raw socket, exactly as a hostile client sends them (java.net.URI would refuse to build
 * some of them). A service's test implements it next to its own integration-test base class (same Spring
 * context), naming the service's own endpoints.
 */
public interface HostileInputContract {

    /** Not UTF-8 once percent-decoded: a lone surrogate as bytes, 0xFF, a cut sequence, overlongs; bad escapes. */
    List<String> NOT_UTF8 =
            List.of("%ED%A0%80", "%FF", "%C3", "%C0%AF", "%F8%88%80%80%80", "a%ED%BF%BFb", "%zz", "%", "%4");

    /** The service's public (HTTP) port. */
    int serverPort();

    /** GET paths ending in {@code name=} (the hostile value is appended), e.g. {@code /v1/payments?page=}. */
    List<String> queryPaths();

    /** The bearer token the endpoints above accept. */
    default String token() {
        return TestJwt.user(4242);
    }

    @Test
    default void aQueryParameterThatIsNotUtf8IsAMalformedRequest() {
        for (String path : queryPaths()) {
            for (String value : NOT_UTF8) {
                Raw response = send("GET", path + value, null, null);

                assertProblem(response, 400, "MALFORMED_REQUEST", path + value);
            }
            Raw asName = send("GET", path + "1&%ED%A0%80=x", null, null);
            assertProblem(asName, 400, "MALFORMED_REQUEST", path + " with a bad parameter name");
        }
    }

    /** Refused by the container before any filter runs; still problem+json, never Tomcat's HTML page. */
    @Test
    default void aPathThatIsNotUtf8IsAMalformedRequest() {
        for (String path : List.of("/v1/%FF", "/v1/%ED%A0%80/x", "/v1/%zz")) {
            assertProblem(send("GET", path, null, null), 400, "MALFORMED_REQUEST", path);
        }
    }

    default void assertProblem(Raw response, int status, String code, String what) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(response.header("content-type")).as(what).startsWith("application/problem+json");
        assertThat(member(response.body(), "status")).as(what).isEqualTo(Integer.toString(status));
        assertThat(member(response.body(), "code")).as(what).isEqualTo(code);
        assertThat(member(response.body(), "type")).as(what).isEqualTo("about:blank");
        assertThat(member(response.body(), "detail")).as(what).isNotBlank();
    }

    /** A top-level string or number member of a flat problem body (test-support has no JSON library). */
    static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+))")
                .matcher(json);
        return !m.find() ? null : m.group(2) != null ? m.group(2) : m.group(3);
    }

    /** A response read off the socket: status, lower-cased header lines, body (de-chunked). */
    record Raw(int status, String head, String body) {

        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }
    }

    default Raw send(String method, String target, String contentType, String body) {
        int port = serverPort();
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method)
                    .append(' ')
                    .append(target)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer ")
                    .append(token())
                    .append("\r\n");
            if (contentType != null) {
                request.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(bytes);
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Raw parse(String raw) {
        int split = raw.indexOf("\r\n\r\n");
        String head = raw.substring(0, split);
        String body = raw.substring(split + 4);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (true) {
                int eol = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
                if (size == 0) {
                    break;
                }
                out.append(body, eol + 2, eol + 2 + size); // problem bodies are ASCII: chars = bytes
                at = eol + 2 + size + 2;
            }
            body = out.toString();
        }
        return new Raw(Integer.parseInt(head.substring(9, 12)), head, body);
    }
}
