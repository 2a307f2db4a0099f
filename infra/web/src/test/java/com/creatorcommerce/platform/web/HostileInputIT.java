package com.creatorcommerce.platform.web;

import static com.creatorcommerce.platform.web.ProblemJsonIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile input answers a 4xx problem with a stable code, never a 500 (issue 15). */
class HostileInputIT extends WebIntegrationTest {

    private final String token = TestJwt.user(newUserId());

    private HttpResponse<String> postThing(String contentType, String body) {
        return send(request("/v1/things")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aMultipartBodyToAJsonEndpointIsUnsupportedMediaType() {
        assertProblem(
                postThing(
                        "multipart/form-data; boundary=xyz",
                        "--xyz\r\nContent-Disposition: form-data; name=\"thing_name\"\r\n\r\nx\r\n--xyz--\r\n"),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aBrokenMultipartBodyToAJsonEndpointIsUnsupportedMediaTypeNotAParseFailure() {
        assertProblem(postThing("multipart/form-data", "garbage"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(
                postThing("multipart/form-data; boundary=xyz", "--xyz\r\nno headers, no end"),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/plain",
                "application/xml",
                "application/octet-stream",
                "image/png",
                "application/json;;;charset=\"",
                "no-slash",
                "application/",
                "*/*"
            })
    void otherWrongOrMalformedContentTypesAreUnsupportedMediaType(String contentType) {
        assertProblem(postThing(contentType, "{\"thing_name\":\"x\",\"quantity\":1}"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aFormBodyWithInvalidUtf8ToAJsonEndpointIsRefusedWithoutA500() {
        HttpResponse<String> response = postThing("application/x-www-form-urlencoded", "a=%ED%A0%80&b=%FF");

        assertThat(response.statusCode()).as(response.body()).isIn(400, 415);
        assertProblem(
                response,
                response.statusCode(),
                response.statusCode() == 400 ? "MALFORMED_REQUEST" : "UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"%ED%A0%80", "%FF", "%C3", "%C0%AF", "%F8%88%80%80%80", "abc%ED%BF%BFdef", "%zz", "%", "%4"})
    void aQueryParameterThatIsNotUtf8IsAMalformedRequest(String value) {
        for (String path : new String[] {
            "/v1/things/search?q=" + value,
            "/v1/things?page_size=" + value,
            "/v1/things/me?unused=" + value,
            "/v1/things/search?q=ok&" + value + "=x"
        }) {
            RawResponse response = rawGet(path, token);

            assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
            assertThat(response.head()).containsIgnoringCase("content-type: application/problem+json");
            assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        }
    }

    record RawResponse(int status, String head, String body) {}

    /** A request line as written, with escapes java.net.URI would refuse to build. */
    private RawResponse rawGet(String target, String bearer) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, split);
            String body = raw.substring(split + 4);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            return new RawResponse(Integer.parseInt(head.substring(9, 12)), head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aMalformedQueryIsRefusedBeforeTheTokenIsChecked() {
        HttpResponse<String> response = send(get("/v1/things/search?q=%FF", null));

        assertProblem(response, 400, "MALFORMED_REQUEST");
    }

    @Test
    void validUtf8InTheQueryStillWorks() {
        HttpResponse<String> response = send(get("/v1/things/search?q=%ED%95%9C%EA%B8%80%F0%9F%98%80+x", token));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("q").asString()).isEqualTo("한글😀 x");
    }

    @Test
    void aBodyOverTheLimitIsAnswered413WhileTheClientIsStillSending() throws Exception {
        for (int mb : new int[] {2, 8, 64}) {
            byte[] body = new byte[mb * 1024 * 1024];
            HttpResponse<String> declared = send(request("/v1/things")
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

            assertProblem(declared, 413, "PAYLOAD_TOO_LARGE");
            assertThat(json(declared).get("max_bytes").asLong()).isEqualTo(1024 * 1024);
        }
    }

    /** curl (a README prerequisite) sends the whole body unless it reads an early answer: it must see the 413. */
    @Test
    void aBodyOverTheLimitIsAnswered413ToCurlWithAndWithoutAnIdempotencyKey() throws Exception {
        Path file = Files.createTempFile("hostile-body", ".json");
        try {
            for (int mb : new int[] {2, 64}) {
                Files.write(file, new byte[mb * 1024 * 1024]);
                for (String key : new String[] {null, "big-" + mb + "-" + UUID.randomUUID()}) {
                    List<String> command = new ArrayList<>(List.of(
                            "curl",
                            "-sS",
                            "-o",
                            "-",
                            "-w",
                            "\n%{http_code}",
                            "-H",
                            "Authorization: Bearer " + token,
                            "-H",
                            "Content-Type: application/json",
                            "--data-binary",
                            "@" + file,
                            "http://127.0.0.1:" + port + "/v1/things"));
                    if (key != null) {
                        command.addAll(List.of("-H", "Idempotency-Key: " + key));
                    }
                    Process curl = new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .start();
                    String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                    assertThat(curl.waitFor())
                            .as(mb + " MB, key " + key + ": " + out)
                            .isZero();
                    assertThat(out)
                            .as(mb + " MB, key " + key)
                            .endsWith("\n413")
                            .contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    /** Tomcat decodes the path itself and answers 400 before any filter runs; its error report is problem+json. */
    @ParameterizedTest
    @ValueSource(strings = {"/v1/things/%FF", "/v1/things/%ED%A0%80", "/v1/things/%zz", "/v1/things/%"})
    void aPathThatIsNotUtf8IsAMalformedRequestFromTomcatItself(String path) {
        RawResponse response = rawGet(path, token);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.head()).containsIgnoringCase("content-type: application/problem+json");
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(response.body()).doesNotContain("<html", "Tomcat");
    }
}
