package com.creatorcommerce.coupon.adapter.in.messaging;

import com.creatorcommerce.contracts.coupon.ConfirmCouponCommand;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.ReleaseCouponCommand;
import com.creatorcommerce.contracts.coupon.ReserveCouponCommand;
import com.creatorcommerce.coupon.application.CouponUsageService;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MalformedMessageException;
import com.creatorcommerce.platform.messaging.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands from order orchestrators on {@code coupon.commands}: deduplicated by the inbox, one application call
 * each, the reply appended to the outbox in the same transaction. Unknown types and payloads without ids go to the
 * dead-letter topic.
 */
@Component
class CouponCommandListener {

    static final String CONSUMER = "coupon-commands";

    private final Inbox inbox;
    private final CouponUsageService usage;
    private final JsonMapper json;

    CouponCommandListener(Inbox inbox, CouponUsageService usage, JsonMapper json) {
        this.inbox = inbox;
        this.usage = usage;
        this.json = json;
    }

    @KafkaListener(
            id = CONSUMER,
            groupId = "${coupon.messaging.group-id:coupon-service}",
            topics = CouponTopics.COMMANDS)
    void on(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, this::handle);
    }

    private void handle(InboundMessage message) {
        switch (message.type()) {
            case CouponTopics.RESERVE -> {
                ReserveCouponCommand command = message.payloadAs(json, ReserveCouponCommand.class);
                requireIds(message, command.orderId(), command.userId(), command.userCouponId());
                usage.reserve(command);
            }
            case CouponTopics.CONFIRM -> {
                ConfirmCouponCommand command = message.payloadAs(json, ConfirmCouponCommand.class);
                requireIds(message, command.orderId(), command.userId(), command.userCouponId());
                usage.confirm(command);
            }
            case CouponTopics.RELEASE -> {
                ReleaseCouponCommand command = message.payloadAs(json, ReleaseCouponCommand.class);
                requireIds(message, command.orderId(), command.userId(), command.userCouponId());
                usage.release(command);
            }
            default -> throw new MalformedMessageException("coupon-service does not handle " + message.type());
        }
    }

    private static void requireIds(InboundMessage message, long orderId, long userId, long userCouponId) {
        if (orderId <= 0 || userId <= 0 || userCouponId <= 0) {
            throw new MalformedMessageException(
                    message.type() + " " + message.id() + " needs positive order_id, user_id and user_coupon_id");
        }
    }
}
