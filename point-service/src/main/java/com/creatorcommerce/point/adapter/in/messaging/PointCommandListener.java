package com.creatorcommerce.point.adapter.in.messaging;

import com.creatorcommerce.contracts.point.ChargePointsCommand;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.contracts.point.UsePointsCommand;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.point.application.OrderPointsService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** point.commands from order sagas: one application call each. */
@Component
class PointCommandListener {

    private static final Logger log = LoggerFactory.getLogger(PointCommandListener.class);

    private final OrderPointsService points;
    private final JsonMapper json;

    PointCommandListener(OrderPointsService points, JsonMapper json) {
        this.points = points;
        this.json = json;
    }

    @KafkaListener(
            id = OrderPointsService.CONSUMER,
            topics = PointTopics.COMMANDS,
            concurrency = "${platform.points.listener-concurrency:3}")
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        switch (message.type()) {
            case PointTopics.CHARGE -> points.charge(message.payloadAs(json, ChargePointsCommand.class), message);
            case PointTopics.USE -> points.use(message.payloadAs(json, UsePointsCommand.class), message);
            case PointTopics.REFUND -> points.refund(message.payloadAs(json, RefundPointsCommand.class), message);
            default -> log.warn("Ignoring message type {} on {} (id {})", message.type(), record.topic(), message.id());
        }
    }
}
