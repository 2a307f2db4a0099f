package com.creatorcommerce.order.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.order.OrderTopics;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.test.TopicRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Orders over real HTTP on the real database and broker, with the saga participants played by {@link Participants}.
 * The replies listener has a consumer group of its own per test context, so that another context alive in the same
 * JVM never takes this one's replies. Deadlines are generous here: the tests answer the participants' part.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "order.catalog.view-purge-cron=-",
            "order.messaging.group-id=order-it-${random.uuid}",
            "order.saga.participant-deadline=PT60S",
            "order.saga.payment-deadline=PT60S"
        })
public abstract class OrderTestBase extends ApiTestBase {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    private static volatile TopicRecorder events;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    protected final Participants participants = Participants.shared();

    /** What order-service published on {@code order.events} (one recorder for the JVM). */
    protected static TopicRecorder events() {
        if (events == null) {
            synchronized (OrderTestBase.class) {
                if (events == null) {
                    events = TopicRecorder.of(OrderTopics.EVENTS);
                }
            }
        }
        return events;
    }

    /** A user with a token. */
    protected record User(long id, String token) {
        static User fresh() {
            long id = newUserId();
            return new User(id, TestJwt.user(id));
        }
    }

    protected static User newUser() {
        return User.fresh();
    }

    /** POST /v1/orders with a fresh Idempotency-Key. */
    protected HttpResponse<String> placeOrder(User user, String body) {
        return placeOrder(user.token(), body, UUID.randomUUID().toString());
    }

    protected HttpResponse<String> placeOrder(String token, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/orders"))
                .timeout(WAIT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** Places an order that the service accepted (202), answering its id. */
    protected long placed(User user, String body) {
        HttpResponse<String> response = placeOrder(user, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Long.parseLong(json(response).path("id").asString());
    }

    protected HttpResponse<String> cancel(String token, long orderId) {
        return send(HttpRequest.newBuilder(uri("/v1/orders/" + orderId + "/cancel"))
                .timeout(WAIT)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    protected JsonNode order(User user, long orderId) {
        HttpResponse<String> response = get("/v1/orders/" + orderId, user.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Waits until the order has {@code status} (and, for a cancellation, no longer IN_PROGRESS); answers it. */
    protected JsonNode awaitStatus(User user, long orderId, String status) {
        Await.until("order " + orderId + " " + status, WAIT, () -> {
            JsonNode o = order(user, orderId);
            return status.equals(o.path("status").asString())
                    && !"IN_PROGRESS".equals(o.path("cancel_status").asString(""));
        });
        return order(user, orderId);
    }

    /** The items JSON of one line. */
    protected static String items(long optionId, int quantity) {
        return "{\"items\": [{\"product_option_id\": \"" + optionId + "\", \"quantity\": " + quantity + "}]}";
    }

    /** Events of {@code type} published for the order so far. */
    protected static List<ConsumerRecord<String, String>> eventsOf(long orderId, String type) {
        return events().records(r ->
                Long.toString(orderId).equals(r.key()) && type.equals(TopicRecorder.header(r, MessageHeaders.TYPE)));
    }

    /** Waits for the event and answers its payload. */
    protected static JsonNode awaitEvent(long orderId, String type) {
        return JSON.readTree(events().await(
                        r -> Long.toString(orderId).equals(r.key())
                                && type.equals(TopicRecorder.header(r, MessageHeaders.TYPE)),
                        1,
                        WAIT)
                .getFirst()
                .value());
    }

    /** The order's checkout saga id. */
    protected long checkoutSagaOf(long orderId) {
        return count("SELECT checkout_saga_id FROM orders WHERE order_id = ?", orderId);
    }

    protected long cancelSagaOf(long orderId) {
        return count("SELECT cancel_saga_id FROM orders WHERE order_id = ?", orderId);
    }

    /** The saga's step log as "EVENT step" lines, in order. */
    protected List<String> stepLog(long sagaId) {
        return jdbc.queryForList(
                "SELECT CONCAT(event, ' ', COALESCE(step, '-')) FROM saga_step_log " + "WHERE saga_id = ? ORDER BY seq",
                String.class,
                sagaId);
    }

    /** Messages of {@code type} order-service appended to its outbox for {@code key} (exact, whenever relayed). */
    protected long appended(String type, Object key) {
        return count(
                "SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND message_key = ?",
                type,
                String.valueOf(key));
    }

    protected long ordersOf(long userId) {
        return count("SELECT COUNT(*) FROM orders WHERE user_id = ?", userId);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
