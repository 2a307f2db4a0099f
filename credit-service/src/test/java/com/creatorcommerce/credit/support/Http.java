package com.creatorcommerce.credit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the service under test on loopback. */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final JsonMapper json;

    public Http(int port, JsonMapper json) {
        this.base = "http://127.0.0.1:" + port;
        this.json = json;
    }

    /** A response with its body parsed on demand. */
    public record Response(
            int status, String contentType, String location, String retryAfter, String body, JsonMapper mapper) {

        public JsonNode json() {
            return mapper.readTree(body);
        }

        public String text(String field) {
            JsonNode n = json().get(field);
            return n == null || n.isNull() ? null : n.asString();
        }

        public boolean isProblem(int expectedStatus, String code) {
            return status == expectedStatus
                    && contentType.startsWith("application/problem+json")
                    && code.equals(text("code"));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, String body) {
        return send("POST", path, token, body, Map.of());
    }

    public Response post(String path, String token, String body, Map<String, String> headers) {
        return send("POST", path, token, body, headers);
    }

    public Response put(String path, String token, String body) {
        return send("PUT", path, token, body, Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    public Response send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Retry-After").orElse(null),
                    r.body(),
                    json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
