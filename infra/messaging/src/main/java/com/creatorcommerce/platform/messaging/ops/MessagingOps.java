package com.creatorcommerce.platform.messaging.ops;

import com.creatorcommerce.platform.messaging.ops.DeadLetters.DeadLetter;
import com.creatorcommerce.platform.messaging.outbox.OutboxStore;
import com.creatorcommerce.platform.messaging.outbox.OutboxStore.ParkedRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What operators do about messages that did not get through (the admin API calls this): list and requeue parked
 * outbox rows, list and replay dead letters. Every action writes a {@code messaging_ops_audit} row with who did it
 * and why.
 */
public class MessagingOps {

    /** A dead letter and whether it was replayed already. */
    public record DeadLetterView(DeadLetter letter, boolean replayed) {}

    private final JdbcTemplate jdbc;
    private final OutboxStore outbox;
    private final DeadLetters deadLetters;

    public MessagingOps(DataSource dataSource, OutboxStore outbox, DeadLetters deadLetters) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.outbox = outbox;
        this.deadLetters = deadLetters;
    }

    public List<ParkedRow> parked(int offset, int limit) {
        return outbox.parked(offset, limit);
    }

    public long countParked() {
        return outbox.countParked();
    }

    /** Puts a parked row back in line; false when no such parked row exists. */
    public boolean requeue(long id, String actor, String reason) {
        if (!outbox.requeue(id)) {
            return false;
        }
        audit("OUTBOX_REQUEUE", Long.toString(id), actor, reason);
        return true;
    }

    public List<DeadLetterView> deadLetters(String dltTopic, int limit) {
        List<DeadLetter> letters = deadLetters.list(dltTopic, limit);
        Set<String> replayed = replayedKeys();
        return letters.stream()
                .map(l -> new DeadLetterView(l, replayed.contains(key(l.dltTopic(), l.partition(), l.offset()))))
                .toList();
    }

    public Set<String> deadLetterTopics() {
        return deadLetters.topics();
    }

    /** Replays the dead letter into its original topic; empty when there is no such dead letter. */
    public Optional<DeadLetter> replay(String dltTopic, int partition, long offset, String actor, String reason) {
        Optional<DeadLetter> letter = deadLetters.replay(dltTopic, partition, offset);
        letter.ifPresent(l -> {
            jdbc.update("""
                    INSERT INTO messaging_dlt_replay (dlt_topic, dlt_partition, dlt_offset, replayed_at, replayed_by)
                    VALUES (?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE replayed_at = VALUES(replayed_at), replayed_by = VALUES(replayed_by)""", dltTopic, partition, offset, Timestamp.from(Instant.now()), actor);
            audit("DLT_REPLAY", key(dltTopic, partition, offset), actor, reason);
        });
        return letter;
    }

    /** Dead letters not replayed yet, per DLT. */
    public Map<String, Long> unreplayedDepths() {
        Map<String, Long> depths = new HashMap<>(deadLetters.depths());
        jdbc.query("SELECT dlt_topic, COUNT(*) FROM messaging_dlt_replay GROUP BY dlt_topic", rs -> {
            long replayed = rs.getLong(2);
            depths.computeIfPresent(rs.getString(1), (t, n) -> Math.max(0, n - replayed));
        });
        return depths;
    }

    private void audit(String action, String target, String actor, String reason) {
        jdbc.update(
                "INSERT INTO messaging_ops_audit (action, target, actor, reason, created_at) VALUES (?, ?, ?, ?, ?)",
                action,
                target,
                actor,
                reason,
                Timestamp.from(Instant.now()));
    }

    private Set<String> replayedKeys() {
        return jdbc
                .query(
                        "SELECT dlt_topic, dlt_partition, dlt_offset FROM messaging_dlt_replay",
                        (rs, i) -> key(rs.getString(1), rs.getInt(2), rs.getLong(3)))
                .stream()
                .collect(Collectors.toSet());
    }

    private static String key(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }
}
