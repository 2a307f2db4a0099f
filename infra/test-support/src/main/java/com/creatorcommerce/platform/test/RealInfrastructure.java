package com.creatorcommerce.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Put next to {@code @SpringBootTest}: the context gets a fresh database on the real MySQL-compatible server
 * (dropped when the context closes), the real Kafka broker and the test JWT keys. Never skipped for lack of Docker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
public @interface RealInfrastructure {}
