package com.creatorcommerce.coupon.support;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records every SQL statement Hibernate prepares, with the thread that prepared it, so that tests can count the
 * statements one request issued ({@code hibernate.session_factory.statement_inspector}).
 */
public class RecordingStatementInspector implements StatementInspector {

    private static final Queue<Statement> STATEMENTS = new ConcurrentLinkedQueue<>();

    @Override
    public String inspect(String sql) {
        STATEMENTS.add(new Statement(Thread.currentThread().getName(), sql));
        return sql;
    }

    public static void clear() {
        STATEMENTS.clear();
    }

    public static List<Statement> recorded(Predicate<Statement> filter) {
        return STATEMENTS.stream().filter(filter).toList();
    }

    public record Statement(String thread, String sql) {}
}
