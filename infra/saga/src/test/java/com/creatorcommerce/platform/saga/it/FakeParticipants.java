package com.creatorcommerce.platform.saga.it;

import static com.creatorcommerce.platform.saga.it.DemoSaga.CARD_REPLIES;
import static com.creatorcommerce.platform.saga.it.DemoSaga.SEAT_REPLIES;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.inbox.Inbox;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.saga.it.DemoSaga.CardCharged;
import com.creatorcommerce.platform.saga.it.DemoSaga.CardDeclined;
import com.creatorcommerce.platform.saga.it.DemoSaga.CardRefunded;
import com.creatorcommerce.platform.saga.it.DemoSaga.ChargeCard;
import com.creatorcommerce.platform.saga.it.DemoSaga.RefundCard;
import com.creatorcommerce.platform.saga.it.DemoSaga.ReleaseSeat;
import com.creatorcommerce.platform.saga.it.DemoSaga.ReserveSeat;
import com.creatorcommerce.platform.saga.it.DemoSaga.SeatRefused;
import com.creatorcommerce.platform.saga.it.DemoSaga.SeatReleased;
import com.creatorcommerce.platform.saga.it.DemoSaga.SeatReserved;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seat and card participants, as real services write them: inbox-guarded command handlers that reply through
 * the outbox (the reply inherits the command's correlation id), idempotent, with a "closed" tombstone when a
 * compensation arrives before (or instead of) its action. The command's {@code scenario} picks a misbehaviour:
 * {@code seat-silent} / {@code card-silent} (never answer), {@code seat-silent-once} (ignore the first send),
 * {@code seat-refused}, {@code card-declined}, {@code card-late} (charge, but withhold the reply until the test
 * releases it).
 */
@Component
public class FakeParticipants {

    private final Inbox inbox;
    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final JsonMapper json;

    FakeParticipants(Inbox inbox, JdbcTemplate jdbc, Outbox outbox, JsonMapper json) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.json = json;
    }

    @KafkaListener(id = "demo-seat-participant", topics = DemoSaga.SEAT_COMMANDS)
    void seat(ConsumerRecord<String, String> record) {
        inbox.handle("demo-seat-participant", record, m -> {
            switch (m.type()) {
                case DemoSaga.RESERVE_SEAT -> reserveSeat(m, m.payloadAs(json, ReserveSeat.class));
                case DemoSaga.RELEASE_SEAT -> releaseSeat(m, m.payloadAs(json, ReleaseSeat.class));
                default -> throw new IllegalStateException("unexpected " + m.type());
            }
        });
    }

    @KafkaListener(id = "demo-card-participant", topics = DemoSaga.CARD_COMMANDS)
    void card(ConsumerRecord<String, String> record) {
        inbox.handle("demo-card-participant", record, m -> {
            switch (m.type()) {
                case DemoSaga.CHARGE_CARD -> chargeCard(m, m.payloadAs(json, ChargeCard.class));
                case DemoSaga.REFUND_CARD -> refundCard(m, m.payloadAs(json, RefundCard.class));
                default -> throw new IllegalStateException("unexpected " + m.type());
            }
        });
    }

    private void reserveSeat(InboundMessage m, ReserveSeat c) {
        int sends = received(m, c.transferId());
        if ("seat-silent".equals(c.scenario()) || "seat-silent-once".equals(c.scenario()) && sends == 1) {
            return;
        }
        String status = status("demo_seat", c.transferId());
        if ("CLOSED".equals(status) || "RELEASED".equals(status)) {
            reply(SEAT_REPLIES, m, DemoSaga.SEAT_REFUSED, new SeatRefused(c.transferId(), "CLOSED"));
        } else if ("seat-refused".equals(c.scenario())) {
            reply(SEAT_REPLIES, m, DemoSaga.SEAT_REFUSED, new SeatRefused(c.transferId(), "NO_SEATS"));
        } else {
            String seat = "S-" + c.transferId() % 100;
            if (status == null) {
                jdbc.update(
                        "INSERT INTO demo_seat (transfer_id, status, seat) VALUES (?, 'RESERVED', ?)",
                        c.transferId(),
                        seat);
            }
            reply(SEAT_REPLIES, m, DemoSaga.SEAT_RESERVED, new SeatReserved(c.transferId(), seat));
        }
    }

    private void releaseSeat(InboundMessage m, ReleaseSeat c) {
        received(m, c.transferId());
        String status = status("demo_seat", c.transferId());
        if (status == null) {
            jdbc.update("INSERT INTO demo_seat (transfer_id, status) VALUES (?, 'CLOSED')", c.transferId());
        } else if ("RESERVED".equals(status)) {
            jdbc.update("UPDATE demo_seat SET status = 'RELEASED' WHERE transfer_id = ?", c.transferId());
        }
        reply(SEAT_REPLIES, m, DemoSaga.SEAT_RELEASED, new SeatReleased(c.transferId()));
    }

    private void chargeCard(InboundMessage m, ChargeCard c) {
        received(m, c.transferId());
        if ("card-silent".equals(c.scenario())) {
            return;
        }
        String status = status("demo_card", c.transferId());
        if (status != null && !"CHARGED".equals(status)) {
            reply(CARD_REPLIES, m, DemoSaga.CARD_DECLINED, new CardDeclined(c.transferId(), "CLOSED"));
            return;
        }
        if ("card-declined".equals(c.scenario())) {
            reply(CARD_REPLIES, m, DemoSaga.CARD_DECLINED, new CardDeclined(c.transferId(), "CARD_DECLINED"));
            return;
        }
        if (status == null) {
            jdbc.update("INSERT INTO demo_card (transfer_id, status) VALUES (?, 'CHARGED')", c.transferId());
            jdbc.update("INSERT INTO demo_card_ledger (transfer_id, amount) VALUES (?, ?)", c.transferId(), c.amount());
        }
        CardCharged charged = new CardCharged(c.transferId(), "ch-" + c.transferId());
        if ("card-late".equals(c.scenario())) {
            jdbc.update(
                    "INSERT INTO demo_held_reply (transfer_id, correlation_id, type, payload) VALUES (?, ?, ?, ?)",
                    c.transferId(),
                    m.correlationId(),
                    DemoSaga.CARD_CHARGED,
                    json.writeValueAsString(charged));
            return;
        }
        reply(CARD_REPLIES, m, DemoSaga.CARD_CHARGED, charged);
    }

    private void refundCard(InboundMessage m, RefundCard c) {
        received(m, c.transferId());
        String status = status("demo_card", c.transferId());
        if (status == null) {
            jdbc.update("INSERT INTO demo_card (transfer_id, status) VALUES (?, 'CLOSED')", c.transferId());
        } else if ("CHARGED".equals(status)) {
            jdbc.update("UPDATE demo_card SET status = 'REFUNDED' WHERE transfer_id = ?", c.transferId());
            jdbc.update(
                    "INSERT INTO demo_card_ledger (transfer_id, amount) SELECT transfer_id, -SUM(amount) "
                            + "FROM demo_card_ledger WHERE transfer_id = ? GROUP BY transfer_id",
                    c.transferId());
        }
        reply(CARD_REPLIES, m, DemoSaga.CARD_REFUNDED, new CardRefunded(c.transferId()));
    }

    /** Sends the success reply the card participant withheld (scenario card-late), in its own transaction. */
    @Transactional
    public void releaseHeldReply(long transferId) {
        jdbc.query(
                "SELECT correlation_id, type, payload FROM demo_held_reply WHERE transfer_id = ?",
                rs -> {
                    String key = Long.toString(transferId);
                    outbox.append(new OutboundMessage(
                            CARD_REPLIES,
                            key,
                            rs.getString(2),
                            key,
                            json.readTree(rs.getString(3)),
                            rs.getString(1),
                            null));
                },
                transferId);
        jdbc.update("DELETE FROM demo_held_reply WHERE transfer_id = ?", transferId);
    }

    /** Records the command; returns how many commands of its type this transfer received so far. */
    private int received(InboundMessage m, long transferId) {
        jdbc.update(
                "INSERT INTO demo_command (message_id, message_key, type, transfer_id, correlation_id, payload) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                m.id(),
                m.key(),
                m.type(),
                transferId,
                m.correlationId(),
                m.payload());
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM demo_command WHERE transfer_id = ? AND type = ?",
                Integer.class,
                transferId,
                m.type());
    }

    private String status(String table, long transferId) {
        List<String> s = jdbc.queryForList(
                "SELECT status FROM " + table + " WHERE transfer_id = ? FOR UPDATE", String.class, transferId);
        return s.isEmpty() ? null : s.getFirst();
    }

    private void reply(String topic, InboundMessage command, String type, Object payload) {
        outbox.append(OutboundMessage.of(topic, command.key(), type, payload));
    }
}
