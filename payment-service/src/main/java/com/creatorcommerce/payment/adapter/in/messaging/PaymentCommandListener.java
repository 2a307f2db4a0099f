package com.creatorcommerce.payment.adapter.in.messaging;

import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.payment.application.CancelPaymentService;
import com.creatorcommerce.payment.application.ConfirmPaymentService;
import com.creatorcommerce.payment.application.SettlePaymentService;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageContext;
import com.creatorcommerce.platform.messaging.inbox.Inbox;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code payment.commands}: the command is recorded in its inbox transaction (a redelivery has no second effect),
 * then the PG is called outside any transaction. If the process dies in between, the payment stays PENDING and the
 * reconciliation job finishes it.
 */
@Component
class PaymentCommandListener {

    static final String CONSUMER = "payment-service.commands";
    private static final Logger log = LoggerFactory.getLogger(PaymentCommandListener.class);

    private final Inbox inbox;
    private final JsonMapper json;
    private final ConfirmPaymentService confirms;
    private final SettlePaymentService settlements;
    private final CancelPaymentService cancels;

    PaymentCommandListener(
            Inbox inbox,
            JsonMapper json,
            ConfirmPaymentService confirms,
            SettlePaymentService settlements,
            CancelPaymentService cancels) {
        this.inbox = inbox;
        this.json = json;
        this.confirms = confirms;
        this.settlements = settlements;
        this.cancels = cancels;
    }

    @KafkaListener(
            id = CONSUMER,
            topics = PaymentTopics.COMMANDS,
            concurrency = "${platform.payment.listener-concurrency:3}")
    void on(ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        AtomicReference<Long> next = new AtomicReference<>();
        switch (message.type()) {
            case PaymentTopics.CONFIRM -> {
                inbox.handle(
                        CONSUMER,
                        record,
                        m -> confirms.accept(m.payloadAs(json, ConfirmPaymentCommand.class), m.correlationId())
                                .ifPresent(next::set));
                if (next.get() != null) {
                    outsideTransaction(message, () -> settlements.settle(next.get()), "payment " + next.get());
                }
            }
            case PaymentTopics.CANCEL -> {
                inbox.handle(
                        CONSUMER,
                        record,
                        m -> cancels.accept(m.payloadAs(json, CancelPaymentCommand.class), m.correlationId())
                                .ifPresent(next::set));
                if (next.get() != null) {
                    outsideTransaction(message, () -> cancels.execute(next.get()), "cancellation " + next.get());
                }
            }
            default -> log.warn("Ignoring message type {} on {} (id {})", message.type(), record.topic(), message.id());
        }
    }

    /** The PG call, with the command as the cause of what it announces. Failures are left to reconciliation. */
    private static void outsideTransaction(InboundMessage message, Runnable work, String what) {
        try (MessageContext.Scope ignored = MessageContext.open(message)) {
            work.run();
        } catch (RuntimeException e) {
            log.warn("Settling {} failed; the reconciliation job will finish it: {}", what, e.toString());
        }
    }
}
