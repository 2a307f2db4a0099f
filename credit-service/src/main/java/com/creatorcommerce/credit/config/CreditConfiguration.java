package com.creatorcommerce.credit.config;

import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.credit.application.CreditSettings;
import com.creatorcommerce.credit.application.DonationSagaMessages;
import com.creatorcommerce.credit.application.SettlementSettings;
import com.creatorcommerce.credit.application.TopUpDonationData;
import com.creatorcommerce.credit.application.TopUpDonationSaga;
import com.creatorcommerce.credit.application.ledger.LedgerSettings;
import com.creatorcommerce.platform.saga.SagaDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.apache.kafka.clients.admin.NewTopic;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock, the credit settings, the topics credit-service writes and its saga. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({CreditSettings.class, LedgerSettings.class, SettlementSettings.class})
class CreditConfiguration {

    /** UTC, in microseconds: what {@code DATETIME(6)} stores, so that an instant reads back equal. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    NewTopic creditEventsTopic() {
        return TopicBuilder.name(CreditTopics.EVENTS).partitions(6).build();
    }

    /** credit-service's own commands and replies of the top-up-then-donate saga (ADR 16). */
    @Bean
    NewTopic creditCommandsTopic() {
        return TopicBuilder.name(DonationSagaMessages.COMMANDS).partitions(6).build();
    }

    @Bean
    NewTopic creditRepliesTopic() {
        return TopicBuilder.name(DonationSagaMessages.REPLIES).partitions(6).build();
    }

    /**
     * ADR 16: the migrations run as the schema's owner ({@code spring.flyway.user}), the application as
     * {@code credit.database.app-accounts}, granted per-table privileges after every migration (none configured: one
     * account runs both and nothing is granted).
     */
    @Bean
    Callback appAccountGrants(@Value("${credit.database.app-accounts:}") String accounts) {
        return new AppAccountGrants(Arrays.stream(accounts.split(","))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .toList());
    }

    /** The top-up-then-donate saga (a bean, so that the saga library runs it). */
    @Bean
    SagaDefinition<TopUpDonationData> topUpDonationSaga(TopUpDonationSaga.Local steps, CreditSettings settings) {
        return TopUpDonationSaga.definition(
                steps,
                new TopUpDonationSaga.Timing(
                        settings.topUpDeadline(), settings.donationStepDeadline(), settings.donationStepAttempts()));
    }
}
