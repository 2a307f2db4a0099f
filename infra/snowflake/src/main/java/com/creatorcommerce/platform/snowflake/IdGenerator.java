package com.creatorcommerce.platform.snowflake;

/** Source of unique 64-bit primary keys for one bounded context. */
@FunctionalInterface
public interface IdGenerator {

    long nextId();
}
