package com.creatorcommerce.order.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records every SQL statement the application sends (whatever the layer: JdbcClient, JdbcTemplate, Hibernate) with
 * the name of the thread that sent it, by wrapping the application's {@link DataSource}. Tests filter on the HTTP
 * worker threads to count what one request executed.
 */
public final class SqlRecorder {

    public record Executed(String thread, String sql) {}

    private final List<Executed> executed = new CopyOnWriteArrayList<>();

    public void clear() {
        executed.clear();
    }

    public List<Executed> all() {
        return List.copyOf(executed);
    }

    /** Statements sent by request-handling threads (Tomcat's {@code http-nio-*} workers). */
    public List<String> fromRequests() {
        return executed.stream()
                .filter(e -> e.thread().startsWith("http-nio"))
                .map(Executed::sql)
                .toList();
    }

    public List<String> fromRequests(Predicate<String> sql) {
        return fromRequests().stream().filter(sql).toList();
    }

    void record(String sql) {
        executed.add(new Executed(Thread.currentThread().getName(), sql));
    }

    DataSource wrap(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return connection(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return connection(super.getConnection(username, password));
            }
        };
    }

    private Connection connection(Connection target) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if ((name.equals("prepareStatement") || name.equals("prepareCall"))
                    && args != null
                    && args.length > 0
                    && args[0] instanceof String sql) {
                record(sql);
            }
            Object result = invoke(target, method, args);
            if (name.equals("createStatement") && result instanceof Statement statement) {
                return statement(statement);
            }
            return result;
        };
        return (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private Statement statement(Statement target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")
                    && args != null
                    && args.length > 0
                    && args[0] instanceof String sql) {
                record(sql);
            }
            return invoke(target, method, args);
        };
        return (Statement)
                Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Import into a test context: wraps the application's data source. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        SqlRecorder sqlRecorder() {
            return new SqlRecorder();
        }

        @Bean
        static BeanPostProcessor sqlRecordingDataSource(
                org.springframework.beans.factory.ObjectProvider<SqlRecorder> recorder) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
                        return recorder.getObject().wrap(dataSource);
                    }
                    return bean;
                }
            };
        }
    }
}
