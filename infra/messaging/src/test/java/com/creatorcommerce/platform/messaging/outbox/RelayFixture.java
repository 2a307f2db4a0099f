package com.creatorcommerce.platform.messaging.outbox;

import com.creatorcommerce.platform.messaging.MessagingAutoConfiguration;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.snowflake.Snowflake;
import com.creatorcommerce.platform.snowflake.SnowflakeAutoConfiguration;
import com.creatorcommerce.platform.test.TestDatabase;
import com.creatorcommerce.platform.test.TestDatabaseServer;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A fresh outbox database, an outbox writing to it, and relay producers built as the auto-configuration does. */
final class RelayFixture implements AutoCloseable {

    final TestDatabase db;
    final HikariDataSource ds;
    final JdbcTemplate jdbc;
    final JsonMapper json = new JsonMapper();
    final TransactionTemplate tx;

    RelayFixture() {
        db = TestDatabaseServer.get().create();
        ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername(db.user());
        ds.setPassword(db.password());
        ds.setMaximumPoolSize(10);
        Flyway.configure()
                .dataSource(ds)
                .locations(SnowflakeAutoConfiguration.FLYWAY_LOCATION, MessagingAutoConfiguration.FLYWAY_LOCATION)
                .load()
                .migrate();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    JdbcOutbox outbox(Runnable wakeUp) {
        return new JdbcOutbox(ds, new Snowflake(1), json, "/test", wakeUp);
    }

    void append(JdbcOutbox outbox, String topic, String key, Object payload) {
        tx.executeWithoutResult(s -> outbox.append(OutboundMessage.of(topic, key, "test.sequenced.v1", payload)));
    }

    int count(String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE status = ?", Integer.class, status);
    }

    static Supplier<Producer<String, String>> producers(String bootstrap, OutboxProperties props) {
        Map<String, Object> config =
                OutboxProducers.config(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), props, "test-relay");
        return () -> new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void close() {
        ds.close();
        db.close();
    }
}
