package com.creatorcommerce.platform.test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring context at real infrastructure: a database of its own on the test server, the JVM's Kafka
 * broker, the test JWT keys. The database is dropped after every other bean is gone (it is registered first, so
 * destroyed last).
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase db = TestDatabaseServer.get().create();
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean("testDatabaseDropper", (DisposableBean) db::close);
        }
        context.getBeanFactory().registerSingleton("testDatabase", db);
        TestPropertyValues.of(
                        "spring.datasource.url=" + db.jdbcUrl(),
                        "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(),
                        "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "platform.security.jwt.jwk-set-location=" + TestJwt.jwkSetLocation(),
                        "platform.security.jwt.issuer=" + TestJwt.ISSUER,
                        "platform.security.jwt.audience=" + TestJwt.AUDIENCE,
                        "platform.security.jwt.hmac-secret=",
                        "platform.security.jwt.jwk-set-uri=")
                .applyTo(context);
    }
}
