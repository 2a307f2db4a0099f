package com.creatorcommerce.platform.messaging;

/**
 * Kafka header names of the platform envelope: CloudEvents 1.0 attributes in Kafka binary mode ({@code ce_*}),
 * W3C trace context, and the saga bookkeeping every consumer needs.
 */
public final class MessageHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";
    /** The saga / business flow this message belongs to. */
    public static final String CORRELATION_ID = "correlation_id";
    /** The id of the message whose handling produced this one. */
    public static final String CAUSATION_ID = "causation_id";
    /** The user on whose behalf the flow runs. */
    public static final String USER_ID = "user_id";

    public static final String CLOUDEVENTS_VERSION = "1.0";
    public static final String JSON = "application/json";

    private MessageHeaders() {}
}
