package com.creatorcommerce.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A client of the platform as a real client behaves: dev tokens from the gateway, and every call whose outcome is
 * unknown (no answer, 429, 502, 503, 504, 500, 409 IDEMPOTENCY_KEY_IN_PROGRESS) sent again with the same
 * Idempotency-Key / payment key, with backoff, for up to {@code retryBudget}. A final answer (2xx, another 4xx) is
 * returned as it is.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A final answer, or {@code status = -1} when every attempt failed (outcome unknown). */
    record Answer(int status, String body, int attempts) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }

        String text(String field) {
            return json().path(field).asText();
        }

        String code() {
            return json().path("code").asText("");
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String gateway;
    private final Duration retryBudget;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    final LongAdder httpCalls = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder internalErrors = new LongAdder();

    Api(String gateway, Duration retryBudget) {
        this.gateway = gateway;
        this.retryBudget = retryBudget;
    }

    String token(long user, boolean admin) {
        String key = user + (admin ? ":admin" : "");
        String cached = tokens.get(key);
        if (cached != null) {
            return cached;
        }
        String roles = admin ? "[\"USER\",\"ADMIN\"]" : "[\"USER\"]";
        Answer a = send(
                "POST",
                gateway + "/auth/dev-token",
                null,
                null,
                "{\"user_id\":\"" + user + "\",\"roles\":" + roles + "}");
        if (!a.ok()) {
            throw new IllegalStateException("no dev token for " + user + ": " + a.status() + " " + a.body());
        }
        String token = a.text("access_token");
        tokens.put(key, token);
        return token;
    }

    Answer post(long user, String path, String idempotencyKey, String json) {
        return send("POST", gateway + path, token(user, false), idempotencyKey, json);
    }

    Answer get(long user, String path) {
        return send("GET", gateway + path, token(user, false), null, null);
    }

    Answer admin(long admin, String method, String url, String json) {
        return send(method, url.startsWith("http") ? url : gateway + url, token(admin, true), null, json);
    }

    /** One logical call: sent again with the same key while its outcome is unknown, within the retry budget. */
    Answer send(String method, String url, String token, String idempotencyKey, String json) {
        long deadline = System.nanoTime() + retryBudget.toNanos();
        int attempt = 0;
        Answer last = new Answer(-1, "no attempt", 0);
        while (true) {
            attempt++;
            httpCalls.increment();
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(15))
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
                if (json != null) {
                    b.header("Content-Type", "application/json");
                }
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                if (idempotencyKey != null) {
                    b.header("Idempotency-Key", idempotencyKey);
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                int s = r.statusCode();
                if (s >= 500) {
                    serverErrors.increment();
                }
                if (s == 500) {
                    internalErrors.increment();
                }
                last = new Answer(s, r.body(), attempt);
                // 409 IDEMPOTENCY_KEY_IN_PROGRESS: the first attempt with this key still runs (or died with its
                // process and is taken over once stale): ask again later, as Retry-After says
                if (!(s == 429
                        || s == 500
                        || s == 502
                        || s == 503
                        || s == 504
                        || s == 409 && "IDEMPOTENCY_KEY_IN_PROGRESS".equals(last.code()))) {
                    return last;
                }
            } catch (IOException e) {
                last = new Answer(-1, e.toString(), attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(-1, "interrupted", attempt);
            }
            long pause = Math.min(5_000, 500L << Math.min(attempt, 4));
            if (System.nanoTime() + pause * 1_000_000 > deadline) {
                return new Answer(
                        -1,
                        "gave up after " + attempt + " attempts; last: " + last.status() + " "
                                + abbreviate(last.body()),
                        attempt);
            }
            retries.increment();
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(-1, "interrupted", attempt);
            }
        }
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
