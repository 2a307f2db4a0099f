package com.creatorcommerce.platform.web.problem;

import java.nio.charset.CharacterCodingException;
import org.springframework.dao.OptimisticLockingFailureException;

/** What an exception's cause chain says about the request: found by type, or by name for optional libraries. */
final class Causes {

    /** Tomcat's failure to decode request parameters (the class is Tomcat's; matched by name). */
    private static final String TOMCAT_INVALID_PARAMETER = "org.apache.tomcat.util.http.InvalidParameterException";

    private Causes() {}

    static <T> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static boolean isOptimisticLockFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof OptimisticLockingFailureException
                    || name.equals("jakarta.persistence.OptimisticLockException")
                    || name.equals("org.hibernate.StaleObjectStateException")
                    || name.equals("org.hibernate.StaleStateException")) {
                return true;
            }
        }
        return false;
    }

    /** Query or form parameters the container could not decode (invalid percent-encoding or UTF-8). */
    static boolean isUndecodableParameter(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CharacterCodingException || t.getClass().getName().equals(TOMCAT_INVALID_PARAMETER)) {
                return true;
            }
        }
        return false;
    }
}
